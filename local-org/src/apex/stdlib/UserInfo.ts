// UserInfo: the running user (System.runAs changes it).
// Source: https://developer.salesforce.com/docs/atlas.en-us.apexref.meta/apexref/apex_methods_system_userinfo.htm
import type { SObject } from '../../core/sobject.ts';
import { timeZoneValue } from './Time.ts';
import type { Runtime, StdlibClass } from './registry.ts';

function userRecord(rt: Runtime): SObject | undefined {
    return rt.tx.store.get(rt.tx.user.id);
}

export const UserInfoClass: StdlibClass = {
    name: 'UserInfo',
    statics: {
        getuserid: (rt) => rt.tx.user.id,
        getusername: (rt) => rt.tx.user.username,
        getprofileid: (rt) => rt.tx.user.profileId,
        gettimezone: (rt) => timeZoneValue(rt.tx.user.timeZone),
        getlocale: (rt) => rt.tx.user.locale,
        getname: (rt) => {
            const record = userRecord(rt);
            const first = record?.get('FirstName');
            const last = record?.get('LastName');
            return [first, last].filter((part) => typeof part === 'string' && part).join(' ') || rt.tx.user.username;
        },
        getfirstname: (rt) => (userRecord(rt)?.get('FirstName') as string | undefined) ?? null,
        getlastname: (rt) => (userRecord(rt)?.get('LastName') as string | undefined) ?? null,
        getuseremail: (rt) => (userRecord(rt)?.get('Email') as string | undefined) ?? null,
        getuserroleid: (rt) => (userRecord(rt)?.get('UserRoleId') as string | undefined) ?? null,
        getorganizationid: () => '00D000000000001AAA',
        // "Returns the context user's default currency code for multiple currency organizations or the
        // organization's currency code for single currency organizations": local-org is a single-currency org.
        getdefaultcurrency: (rt) => {
            const code = rt.tx.store.all('Organization')[0]?.get('DefaultCurrencyIsoCode');
            return typeof code === 'string' && code
                ? code
                : rt.unsupported('UserInfo.getDefaultCurrency without an Organization record with a currency');
        },
        getusertype: () => 'Standard'
    }
};
