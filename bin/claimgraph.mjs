#!/usr/bin/env node
// The `claimgraph` command: the CLI of src/cli/main.ts, from the build in production (see launch.mjs).
import { launch } from './launch.mjs';

await launch('cli/main');
