#!/usr/bin/env node
// The installed `routelab` command: the same CLI as bin/routelab.mjs, bundled
// (engine, js-yaml and all) so that Node alone runs it.
import { main } from '../../../src/cli/main.ts';

process.exitCode = await main(process.argv.slice(2));
