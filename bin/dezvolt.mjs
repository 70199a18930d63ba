#!/usr/bin/env node
// Entry point of the `dezvolt` command: TypeScript runs through tsx's loader, no build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
