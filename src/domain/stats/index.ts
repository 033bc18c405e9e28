/** Statistics shared by aggregation, disclosure control, quality rules and peer comparison. */
export { count, sum, mean } from './descriptive';
export { quantile, quantileSorted, sortedCopy, median, quartiles, type Quartiles } from './quantile';
export { shareOfStructures, type Share } from './share';
export { changeFromPrevious, type Change } from './change';
export { MAD_TO_SIGMA, medianAbsoluteDeviation, meanAbsoluteDeviation, modifiedZScore } from './robust';
export { pearson, spearman, ranks } from './correlation';
