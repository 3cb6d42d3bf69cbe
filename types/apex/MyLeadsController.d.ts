// MyLeadsController: "My leads", the SALs and SQLs the running SDR owns (DTOs in MyLeadsService.d.ts).

declare module '@salesforce/apex/MyLeadsController.getMyLeads' {
    const getMyLeads: ApexMethodWithoutParams<MyLeadsService.MyLeads>;
    export default getMyLeads;
}
