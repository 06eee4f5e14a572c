#!/usr/bin/env node
// `npm start`: the API of src/server.ts, from the build in production (see launch.mjs).
import { launch } from './launch.mjs';

await launch('server');
