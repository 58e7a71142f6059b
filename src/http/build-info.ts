/**
 * Which bridge runs where (`whatsapp_bridge_build_info{version,node}`): the version of the package.json next to the
 * code (found by walking up from this file: src/http in a checkout, dist/src/http once built) and Node's own.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface BuildInfo {
  version: string;
  node: string;
}

const PACKAGE_NAME = 'whatsapp-chat-bridge';

export function readBuildInfo(from = __dirname): BuildInfo {
  return { version: packageVersion(from) ?? 'unknown', node: process.versions.node };
}

function packageVersion(from: string): string | undefined {
  let dir = from;
  for (let i = 0; i < 5; i += 1) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === PACKAGE_NAME && pkg.version) return pkg.version;
    } catch {
      // no package.json here (dist/ has none): look one level up
    }
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return undefined;
}
