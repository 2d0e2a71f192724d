export { ENUMS, checkLabels, allCombinations, MetricLabelError, type LabelSpec, type LabelValues } from './labels';
export { CATALOGUE, type MetricKey } from './catalogue';
export { CheckedCounter, CheckedGauge, CheckedHistogram } from './checked-metrics';
export { PrystanMetrics, type ProcessKind } from './prystan-metrics';
export { HEALTH_PROBE, probe, healthBody, within, type HealthProbe, type HealthReport, type Dependency } from './health';
export { MetricsEndpoint } from './metrics-server';
export { MetricsModule } from './metrics.module';
