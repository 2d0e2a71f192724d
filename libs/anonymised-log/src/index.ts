export { anonymise, hourOf, band, WAIT_BAND_CODES, DURATION_BAND_CODES, type EndedSession, type ContactLogEntry } from './anonymise';
export { derivableCells, type Relation } from './disclosure';
export { protectTable, type CountTable } from './complementary';
export { publishStats, STATS_MEASURES, type Figures, type PublishedStats, type RawStats, type StatsMeasure } from './stats-table';
