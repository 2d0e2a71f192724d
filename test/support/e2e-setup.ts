// End-to-end tests start real processes: allow them a minute.
jest.setTimeout(60_000);
