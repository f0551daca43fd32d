/**
 * Reads a Chromium trace (JSON from CDP tracing, "devtools.timeline" categories) and says where
 * the time of each keystroke went: per key, the renderer main thread's time in script (event
 * handlers, microtasks, timers, animation frames), style, layout, pre-paint, paint, layerize and
 * commit (each event's own time, nested ones subtracted, so a layout forced by script counts as
 * layout), plus the total of raster work on the tile workers.
 */

/** One trace event (the fields used here). */
interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly pid: number;
  readonly tid: number;
  readonly ts: number;
  readonly dur?: number;
  readonly args?: { readonly name?: string; readonly data?: { readonly type?: string } };
}

/** Event names counted, and the group each belongs to. */
const GROUPS: Record<string, string> = {
  EventDispatch: 'script: events',
  FunctionCall: 'script: events',
  RunMicrotasks: 'script: microtasks',
  TimerFire: 'script: timers',
  FireAnimationFrame: 'script: animation frames',
  'v8.run': 'script: events',
  MinorGC: 'gc',
  MajorGC: 'gc',
  'V8.GC_SCAVENGER': 'gc',
  'V8.GC_MARK_COMPACTOR': 'gc',
  UpdateLayoutTree: 'style',
  ScheduleStyleRecalculation: 'style',
  Layout: 'layout',
  UpdateLayerTree: 'layout',
  PrePaint: 'pre-paint',
  Paint: 'paint',
  PaintImage: 'paint',
  Layerize: 'layerize',
  Commit: 'commit',
  HitTest: 'hit test',
  'IntersectionObserverController::computeIntersections': 'intersection observers',
  'ContentVisibility::UpdateStyleAndLayout': 'layout',
};

/** Per-key milliseconds by group, for the keys found in the trace. */
export interface TraceSummary {
  readonly keys: number;
  readonly perKey: Record<string, number>;
}

/** Summarises `trace` (the parsed JSON) per keydown; see the module comment. */
export function summariseTrace(trace: { traceEvents?: readonly TraceEvent[] } | readonly TraceEvent[]): TraceSummary {
  const events = Array.isArray(trace) ? (trace as readonly TraceEvent[]) : ((trace as { traceEvents?: readonly TraceEvent[] }).traceEvents ?? []);
  const keydowns = events.filter((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'keydown');
  if (keydowns.length === 0) return { keys: 0, perKey: {} };
  const first = keydowns[0] as TraceEvent;
  const main = (e: TraceEvent): boolean => e.pid === first.pid && e.tid === first.tid;
  const from = first.ts;
  const last = keydowns[keydowns.length - 1] as TraceEvent;
  // The window: from the first keydown to ~one frame after the last one's paint.
  const to = last.ts + 100_000;
  const totals: Record<string, number> = {};
  const add = (group: string, us: number): void => {
    totals[group] = (totals[group] ?? 0) + us;
  };

  const complete = events.filter((e) => e.ph === 'X' && typeof e.dur === 'number' && e.ts >= from && e.ts <= to).sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  // Main thread: self time of counted events, nested counted events subtracted.
  const stack: { end: number; group: string; nested: number; dur: number }[] = [];
  const pop = (until: number): void => {
    while (stack.length && (stack[stack.length - 1] as { end: number }).end <= until) {
      const top = stack.pop() as { group: string; nested: number; dur: number };
      add(top.group, top.dur - top.nested);
      const parent = stack[stack.length - 1];
      if (parent) parent.nested += top.dur;
    }
  };
  let tasks = 0;
  for (const e of complete) {
    if (!main(e)) {
      if (e.pid === first.pid && (e.name === 'RasterTask' || e.name === 'TileManager::RasterTask')) add('raster (tile workers)', e.dur ?? 0);
      continue;
    }
    pop(e.ts);
    if (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') {
      if (stack.length === 0) tasks += e.dur ?? 0;
      continue;
    }
    const group = GROUPS[e.name];
    if (group) stack.push({ end: e.ts + (e.dur ?? 0), group, nested: 0, dur: e.dur ?? 0 });
  }
  pop(Number.POSITIVE_INFINITY);
  const counted = Object.entries(totals).filter(([g]) => !g.startsWith('raster')).reduce((sum, [, us]) => sum + us, 0);
  if (tasks > counted) add('main thread, other', tasks - counted);
  const perKey: Record<string, number> = {};
  for (const [group, us] of Object.entries(totals).sort((a, b) => b[1] - a[1])) perKey[group] = us / 1000 / keydowns.length;
  return { keys: keydowns.length, perKey };
}
