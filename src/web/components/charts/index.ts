export { BarChart, type BarChartProps, type BarDatum } from './BarChart';
export { LineChart, type LineChartProps, type LineSeries } from './LineChart';
export { niceScale, PALETTE } from './scale';
