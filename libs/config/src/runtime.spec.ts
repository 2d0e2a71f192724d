import { OLDEST_SUPPORTED_NODE, unsupportedRuntime } from './runtime';

describe('supported Node.js runtime', () => {
  it('refuses a release line past its end of life, saying which one to use and how', () => {
    const message = unsupportedRuntime('20.20.2');
    expect(message).toContain('Node.js 24 LTS or newer; this is 20.20.2');
    expect(message).toContain('node_modules/.bin');
  });

  it('accepts the supported lines', () => {
    expect(OLDEST_SUPPORTED_NODE).toBe(24);
    expect(unsupportedRuntime('24.11.0')).toBeUndefined();
    expect(unsupportedRuntime('26.12.1')).toBeUndefined();
  });

  it('accepts the runtime the tests run on', () => {
    expect(unsupportedRuntime()).toBeUndefined();
  });
});
