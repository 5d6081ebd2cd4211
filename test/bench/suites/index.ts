/**
 * The registry: every suite `npm run bench` knows, in run order. Adding one (report export times,
 * scale-out, …) is a file in this folder exporting a `Suite` and one line here.
 */
import type { Suite } from '../lib/types';
import { bundleSuite } from './bundle';
import { clusteringSuite } from './clustering';
import { coldOpenSuite } from './coldopen';
import { loadSuite } from './load';
import { renderSuite } from './render';
import { reportSuite } from './report';
import { reportBrowserSuite } from './report-browser';
import { scaleSuite } from './scale';
import { sizeSuite } from './size';
import { syncSuite } from './sync';

export const SUITES: readonly Suite[] = [
  syncSuite,
  loadSuite,
  sizeSuite,
  bundleSuite,
  renderSuite,
  coldOpenSuite,
  clusteringSuite,
  scaleSuite,
  reportSuite,
  reportBrowserSuite,
];

/** Suites whose name starts with one of the filters (all when there are none). */
export function selectSuites(all: readonly Suite[], filters: readonly string[]): Suite[] {
  if (filters.length === 0) return [...all];
  return all.filter((s) => filters.some((f) => s.name.toLowerCase().startsWith(f)));
}
