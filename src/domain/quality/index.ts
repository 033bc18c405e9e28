export * from './types';
export { checkResponse, prepareCampaign, runCampaign, standaloneContext, flaggedCodes, type ResponseToCheck, type QualityContext, type CampaignOptions } from './engine';
export { checkRules, type RuleInputs } from './rules';
export { checkYearOverYear, checkCopiedSections, toleranceOf, defaultYearOverYearOptions, type YearOverYearOptions } from './yearOverYear';
export { buildPeerStats, checkPeers, ratioMetrics, rawMetrics, sizeIndex, type PeerMetric, type PeerStats, type PeerOptions } from './peers';
export { qualityScore, scoreWeights } from './score';
export { checkCompleteness, coreCodes } from './completeness';
