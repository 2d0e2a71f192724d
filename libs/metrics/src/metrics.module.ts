import { Global, Module, type DynamicModule } from '@nestjs/common';
import { MetricsEndpoint } from './metrics-server';
import { PrystanMetrics, type ProcessKind } from './prystan-metrics';

/** The process's metrics registry and its endpoint; the process provides HEALTH_PROBE itself. */
@Global()
@Module({})
export class MetricsModule {
  static forRoot(kind: ProcessKind): DynamicModule {
    const providers = [{ provide: PrystanMetrics, useValue: new PrystanMetrics(kind) }, MetricsEndpoint];
    return { module: MetricsModule, providers, exports: [PrystanMetrics, MetricsEndpoint] };
  }
}
