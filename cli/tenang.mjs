#!/usr/bin/env node
// The `tenang` command. It runs the TypeScript sources through tsx so that it works
// right after `npm install`, with no build step, from any working directory.
import { register } from 'tsx/esm/api';

register();
await import('./main.ts');
