import { join } from 'node:path';
import ts from 'typescript';
import { LOOKS_PERSONAL_BUT_IS_NOT, PERSONAL_FIELDS, personalFieldsOf, type EventFields, type StreamFields } from './personal-fields';
import type { Message } from '@familybank/domain-core';

jest.setTimeout(60_000);

/** Field names that hold names, phone numbers, e-mails, addresses or free text about someone. */
const LOOKS_PERSONAL = /name|phone|e-?mail|street|address|postal|city|note|summary|assessment|reason|description|detail|title|condition/i;

/** Every string field (or list of strings) of every event type, as `aggregate/Type`: paths, read from the types with the compiler. */
function stringFieldsOfEveryEvent(): Map<string, Set<string>> {
  const file = join(__dirname, 'personal-fields.ts');
  const config = ts.getParsedCommandLineOfConfigFile(join(__dirname, '../../tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined })!;
  const program = ts.createProgram([file], { ...config.options, noEmit: true });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file)!;
  const alias = source.statements.find((node): node is ts.TypeAliasDeclaration => ts.isTypeAliasDeclaration(node) && node.name.text === 'EventsOf')!;
  const eventsOf = checker.getTypeAtLocation(alias.name);
  const found = new Map<string, Set<string>>();
  for (const aggregate of eventsOf.getProperties()) {
    const union = checker.getTypeOfSymbol(aggregate);
    for (const event of union.isUnion() ? union.types : [union]) {
      const type = checker.getTypeOfSymbol(event.getProperty('type')!);
      const data = checker.getTypeOfSymbol(event.getProperty('data')!);
      const paths = new Set<string>();
      collect(checker, data, '', paths, 0);
      found.set(`${aggregate.name}/${(type as ts.StringLiteralType).value}`, paths);
    }
  }
  return found;
}

function collect(checker: ts.TypeChecker, type: ts.Type, prefix: string, paths: Set<string>, depth: number): void {
  if (depth > 5) return;
  const parts = type.isUnion() ? type.types.filter((part) => !(part.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null))) : [type];
  for (const part of parts) {
    if (part.flags & ts.TypeFlags.StringLike) {
      if (!(part.flags & ts.TypeFlags.StringLiteral) && prefix) paths.add(prefix);
      continue;
    }
    if (checker.isArrayType(part)) {
      collect(checker, checker.getTypeArguments(part as ts.TypeReference)[0]!, `${prefix}[]`, paths, depth + 1);
      continue;
    }
    if (!(part.flags & (ts.TypeFlags.Object | ts.TypeFlags.Intersection))) continue;
    for (const property of checker.getPropertiesOfType(part)) {
      collect(checker, checker.getTypeOfSymbol(property), prefix ? `${prefix}.${property.name}` : property.name, paths, depth + 1);
    }
  }
}

const classified = (aggregate: string, type: string): EventFields => {
  const entry = (PERSONAL_FIELDS as unknown as Record<string, StreamFields<Message>>)[aggregate]!.events[type] as readonly string[] | EventFields;
  return Array.isArray(entry) ? { paths: entry } : (entry as EventFields);
};

describe('the map of personal fields', () => {
  const fields = stringFieldsOfEveryEvent();

  it('reads every aggregate’s events from the types (the scan itself works)', () => {
    expect(fields.get('family/FamilyRegistered')).toEqual(expect.any(Set));
    expect([...fields.get('family/FamilyRegistered')!]).toEqual(expect.arrayContaining(['adults[].fullName', 'contact.email', 'sourceDetail']));
    expect(fields.size).toBeGreaterThan(80);
  });

  /** `aggregate/Type:path` of each personal-looking field that `classify` neither encrypts nor declares not personal. */
  const unclassified = (classify: (aggregate: string, type: string) => EventFields) => {
    const missing: string[] = [];
    for (const [event, paths] of fields) {
      const [aggregate, type] = event.split('/') as [string, string];
      const encrypted = new Set(classify(aggregate, type).paths);
      for (const path of paths) {
        const name = path.split('.').pop()!;
        if (LOOKS_PERSONAL.test(name) && !encrypted.has(path) && !(`${event}:${path}` in LOOKS_PERSONAL_BUT_IS_NOT)) missing.push(`${event}:${path}`);
      }
    }
    return missing;
  };

  it('every string field that looks personal is encrypted, or declared not personal with a reason', () => {
    expect(unclassified(classified)).toEqual([]);
  });

  it('every classified path is a string field of its event (no typo hides a field)', () => {
    const unknown: string[] = [];
    for (const [event, paths] of fields) {
      const [aggregate, type] = event.split('/') as [string, string];
      for (const path of classified(aggregate, type).paths) if (!paths.has(path)) unknown.push(`${event}:${path}`);
    }
    for (const entry of Object.keys(LOOKS_PERSONAL_BUT_IS_NOT)) if (!fields.get(entry.split(':')[0]!)?.has(entry.split(':')[1]!)) unknown.push(entry);
    expect(unknown).toEqual([]);
  });

  it('every event with personal fields names whose key encrypts them', () => {
    for (const [event] of fields) {
      const [aggregate, type] = event.split('/') as [string, string];
      const stream = (PERSONAL_FIELDS as unknown as Record<string, StreamFields<Message>>)[aggregate]!;
      const found = personalFieldsOf(`${stream.prefix}x1`, type, { familyId: 'f1', personId: 'p1' });
      if (classified(aggregate, type).paths.length > 0) expect(found?.subject).toMatch(/^(family|network-person|request):/);
      else expect(found).toBeUndefined();
    }
  });

  it('the check can fail: a map that forgets the e-mail of a registration is caught', () => {
    const forgetful = (aggregate: string, type: string) => {
      const entry = classified(aggregate, type);
      return type === 'FamilyRegistered' ? { ...entry, paths: entry.paths.filter((path) => path !== 'contact.email') } : entry;
    };
    expect(unclassified(forgetful)).toEqual(['family/FamilyRegistered:contact.email']);
  });
});
