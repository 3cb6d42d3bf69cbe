// Every standard-library module, registered once.
import { Assert } from './Assert.ts';
import { DateClass } from './Date.ts';
import { DatetimeClass } from './Datetime.ts';
import { DecimalClass } from './Decimal.ts';
import { idInstanceMethods, IdClass } from './Id.ts';
import { BooleanClass, DoubleClass, IntegerClass, LongClass, MathClass } from './Integer.ts';
import { LabelClass } from './Label.ts';
import { LimitsClass } from './Limits.ts';
import { ListClass } from './List.ts';
import { MapClass } from './Map.ts';
import { Registry, type StdlibClass } from './registry.ts';
import { SetClass } from './Set.ts';
import { SObjectClass } from './SObject.ts';
import { StringClass } from './String.ts';
import { AccessLevel, RoundingMode, System } from './System.ts';
import { TestClass } from './Test.ts';
import { TimeClass, TimeZoneClass } from './Time.ts';
import { UserInfoClass } from './UserInfo.ts';
import { BusinessHoursClass } from './BusinessHours.ts';
import { CryptoClass } from './Crypto.ts';
import { FeatureManagementClass } from './FeatureManagement.ts';
import { SCHEMA_MODULES } from './Schema.ts';
import { DATABASE_MODULES } from './Database.ts';
import { BlobClass, BlobStatics, JSONClass } from './JSON.ts';
import { MESSAGING_MODULES } from './Messaging.ts';

/** Modules contributed by other files (Schema, Database, JSON …) register through this list. */
export const EXTRA_MODULES: StdlibClass[] = [];

export function createRegistry(): Registry {
    const registry = new Registry();
    const string: StdlibClass = {
        ...StringClass,
        instance: { ...StringClass.instance, ...(idInstanceMethods as unknown as Record<string, never>) }
    };
    const modules: StdlibClass[] = [
        Assert,
        System,
        RoundingMode,
        AccessLevel,
        string,
        IntegerClass,
        LongClass,
        DoubleClass,
        BooleanClass,
        MathClass,
        DecimalClass,
        IdClass,
        ListClass,
        SetClass,
        MapClass,
        SObjectClass,
        DateClass,
        DatetimeClass,
        TimeClass,
        TimeZoneClass,
        LimitsClass,
        TestClass,
        UserInfoClass,
        LabelClass,
        BusinessHoursClass,
        CryptoClass,
        FeatureManagementClass,
        ...SCHEMA_MODULES,
        ...DATABASE_MODULES,
        ...MESSAGING_MODULES,
        JSONClass,
        BlobClass,
        BlobStatics,
        ...EXTRA_MODULES
    ];
    for (const module of modules) registry.register(module);
    registry.register({ ...LabelClass, name: 'System.Label' });
    registry.register({ ...RoundingMode, name: 'System.RoundingMode' });
    return registry;
}
