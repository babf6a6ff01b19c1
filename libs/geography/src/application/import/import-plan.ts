import type { EventMetadata, NewEvent } from '@cdtt/event-sourcing';
import { effectiveAtOf } from '@cdtt/platform';
import { REFORM_DATE, type AdminLevel } from '../../domain/admin-unit.events';
import { uuidFromKey } from '../deterministic-id';
import type { AdminUnitFiles } from './admin-unit-files';
import { postReformGroups, preReformGroups, type UnitGroup } from './admin-unit-records';
import { IssueLog, type ImportIssue } from './import-issues';
import { checkMapping } from './mapping-checks';
import { successionGroups, type SuccessionGroup } from './succession-edges';

/** The day the last three-tier list describes (README: units in force 1 Mar 2025). */
export const PRE_2025_LIST_DATE = '2025-03-01';
export const IMPORT_ACTOR = { clientId: 'cli:import-admin-units', role: 'ADMIN' } as const;

export interface PlannedStream {
  readonly streamName: string;
  /** For people: dataset and province, since the stream name is an opaque uuid. */
  readonly label: string;
  readonly events: readonly NewEvent[];
}

export interface DatasetCount {
  readonly dataset: string;
  readonly counts: Readonly<Record<string, number>>;
}

export interface ImportPlan {
  readonly streams: readonly PlannedStream[];
  readonly datasets: readonly DatasetCount[];
  readonly issues: readonly ImportIssue[];
  readonly eventCount: number;
}

/** Metadata is part of what idempotency compares, so every field is derived, never the clock. */
function metadataOf(dataset: string, date: string): EventMetadata {
  return { correlationId: uuidFromKey(`import|${dataset}`), causationId: null, actor: IMPORT_ACTOR, effectiveAt: effectiveAtOf(date) };
}

function unitStream(group: UnitGroup, date: string): PlannedStream {
  const metadata = metadataOf(group.dataset, date);
  return {
    streamName: `admin_units-${uuidFromKey(`admin_units|${group.dataset}|${group.provinceCode}`)}`,
    label: `${group.dataset} province ${group.provinceCode}`,
    events: group.units.map((data) => ({
      id: uuidFromKey(`AdministrativeUnitRecorded|${group.dataset}|${data.level}|${data.code}`),
      type: 'AdministrativeUnitRecorded',
      schemaVersion: 1,
      data,
      metadata,
    })),
  };
}

/** Succession facts depend on the mapping and on both lists (patches, rejections): all in the key. */
function successionStream(group: SuccessionGroup, listsKey: string): PlannedStream {
  const key = `${group.dataset}|${listsKey}`;
  const metadata = metadataOf(key, REFORM_DATE);
  return {
    streamName: `admin_successions-${uuidFromKey(`admin_successions|${key}|${group.provinceCode}`)}`,
    label: `${group.dataset} new province ${group.provinceCode}`,
    events: group.edges.map((data) => ({
      id: uuidFromKey(`AdministrativeUnitSucceeded|${key}|${data.fromLevel}|${data.fromCode}|${data.toLevel}|${data.toCode}`),
      type: 'AdministrativeUnitSucceeded',
      schemaVersion: 1,
      data,
      metadata,
    })),
  };
}

/** The import's findings as facts, one stream per (mapping, lists): listed by `successionDefects`. */
function issueStream(issues: readonly ImportIssue[], key: string): PlannedStream {
  const metadata = metadataOf(key, REFORM_DATE);
  return {
    streamName: `admin_mapping_issues-${uuidFromKey(`admin_mapping_issues|${key}`)}`,
    label: `${key} import findings`,
    events: issues.map((issue) => ({
      id: uuidFromKey(`AdministrativeMappingIssueRecorded|${key}|${issue.reason}|${issue.subject}`),
      type: 'AdministrativeMappingIssueRecorded',
      schemaVersion: 1,
      data: { ...issue, source: key },
      metadata,
    })),
  };
}

function countUnits(dataset: string, groups: readonly UnitGroup[]): DatasetCount {
  const counts: Record<AdminLevel, number> = { PROVINCE: 0, DISTRICT: 0, COMMUNE: 0 };
  for (const unit of groups.flatMap((g) => g.units)) counts[unit.level] += 1;
  return { dataset, counts };
}

function countEdges(dataset: string, groups: readonly SuccessionGroup[]): DatasetCount {
  const counts: Record<string, number> = {};
  for (const edge of groups.flatMap((g) => g.edges)) {
    const key = `${edge.fromLevel}→${edge.toLevel} ${edge.kind}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return { dataset, counts };
}

/** Pure: files in, the streams to append and what was rejected or patched out. */
export function planImport(files: AdminUnitFiles): ImportPlan {
  const issues = new IssueLog();
  const pre = preReformGroups(files.pre, issues);
  const post = postReformGroups(files.post, issues);
  const successions = successionGroups(files, pre, post, issues);
  checkMapping(files.splits.content, successions.flatMap((g) => g.edges), pre, post, issues);
  const listsKey = `${files.pre.dataset}|${files.post.dataset}`;
  const streams = [
    ...pre.map((g) => unitStream(g, PRE_2025_LIST_DATE)),
    ...post.map((g) => unitStream(g, REFORM_DATE)),
    ...successions.map((g) => successionStream(g, listsKey)),
    issueStream(issues.issues, `${files.merges.dataset}|${listsKey}`),
  ].filter((stream) => stream.events.length > 0);
  return {
    streams,
    datasets: [countUnits(files.pre.dataset, pre), countUnits(files.post.dataset, post), countEdges(files.merges.dataset, successions)],
    issues: issues.issues,
    eventCount: streams.reduce((sum, s) => sum + s.events.length, 0),
  };
}
