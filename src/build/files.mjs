// The files a build wrote, for the steps that rewrite or list them after it.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every file below `dir`, at any depth.
 * @param {string} dir
 * @returns {string[]}
 */
export function filesBelow(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? filesBelow(full) : [full];
  });
}
