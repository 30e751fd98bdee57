#!/usr/bin/env node
// The package's command. The code lives in one bundle built by `npm ci` (prepare).
import "../dist/cli.js";
