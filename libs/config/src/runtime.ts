/** The oldest Node.js line with security support that Prystan is tested on. */
export const OLDEST_SUPPORTED_NODE = 24;

/** Refuses a Node.js release line that no longer gets security fixes, saying how to get a supported one. */
export function unsupportedRuntime(version: string = process.versions.node): string | undefined {
  const major = Number(version.split('.')[0]);
  if (major >= OLDEST_SUPPORTED_NODE) return undefined;
  return `Prystan needs Node.js ${OLDEST_SUPPORTED_NODE} LTS or newer; this is ${version}. \`npm ci\` installs it in node_modules/.bin and every npm script (npm start, npm test) uses it; to run a process by hand: node_modules/.bin/node dist/apps/<gateway|worker>/src/main.js`;
}
