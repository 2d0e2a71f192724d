export { anonymise, hourOf, band, WAIT_BAND_CODES, DURATION_BAND_CODES } from './anonymise';
export { suppress, suppressAll } from './suppress';
