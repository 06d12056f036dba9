/** Use cases of targets and indicators (chỉ tiêu, chỉ số). */
export { type IndicatorProgressItem, indicatorProgress } from './indicators.progress';
