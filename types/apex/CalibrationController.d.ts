// CalibrationController: the threshold calibration view. Its result is declared in CalibrationDto.d.ts.

declare module '@salesforce/apex/CalibrationController.getCalibration' {
    const getCalibration: ApexMethod<
        { periodDays: number; proposedFit: number | null; proposedIntent: number | null },
        CalibrationDto.Calibration
    >;
    export default getCalibration;
}
