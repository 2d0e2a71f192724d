import { loadConfig } from '@prystan/config';
import { createDataSource } from './data-source';

/** For the TypeORM CLI: `npx typeorm migration:show -d dist/libs/persistence/src/cli-data-source.js`. */
export default createDataSource(loadConfig().DATABASE_URL, { poolSize: 1, applicationName: 'prystan-cli' });
