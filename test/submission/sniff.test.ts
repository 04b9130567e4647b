import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sniffKind } from '../../grader/submission/sniff.js';
import { readYaml } from '../../grader/yaml/source.js';

describe('sniffKind: what standard input is, from its text', () => {
  it.each([
    ['submissions/alice.yaml', 'yaml'],
    ['submissions/carol-malformed.yaml', 'yaml'],
    ['submissions/dave-latex.yaml', 'yaml'],
    ['submissions/frank-writeup.md', 'markdown'],
    ['submissions/erin-template.tex', 'latex'],
    ['submissions/grace-notebook.ipynb', 'notebook'],
  ])('%s is %s', (file, kind) => expect(sniffKind(readFileSync(file, 'utf8'))).toBe(kind));

  it.each([
    ['# my answers\nstudent: a\nanswers:\n  a/b: x\n', 'yaml'],
    ['student: a\n---\nanswers: {}\n', 'yaml'],
    ['', 'yaml'],
    ['# Homework 2\n\nThe loss is $$-\\log \\hat y_o$$\n', 'markdown'],
    ['Some words first.\n\n$$\nx\n$$\n', 'markdown'],
    ['---\nset: s\n---\nThe answer is $x$.\n', 'markdown'],
    ['\\begin{document}\n$x$\n\\end{document}\n', 'latex'],
    ['{\n "cells": [], "nbformat": 4\n}\n', 'notebook'],
    ['{a: 1}\n', 'yaml'],
  ])('%j is %s', (text, kind) => expect(sniffKind(text)).toBe(kind));
});

describe("the yaml library's advice to programmers is not shown", () => {
  it.each(['student: a\n---\nanswers: {}\n', '---\na: 1\n---\nb: 2\n'])('%j', (text) => {
    const detail = String(readYaml('f.yaml', text).errors[0]?.args.detail);
    expect(detail).toContain('more than one YAML document');
    expect(detail).not.toMatch(/parseAllDocuments|please use/);
  });
});
