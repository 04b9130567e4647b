#!/usr/bin/env node
// The entry of earlier releases, kept for scripts that name it: `grader` is bin/grader.cjs, which
// starts faster (no ES module loader).
import './grader.cjs';
