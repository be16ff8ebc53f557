/**
 * serverless.yml as data, for the local stack, the gateway and the tests:
 * parsed with CloudFormation's short forms (`!Ref X`, `!GetAtt X.Arn`,
 * `!Join [..]`) read as their long JSON forms; `${...}` variables are left
 * as written. No emulator or SDK is loaded here.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type CollectionTag, parse as parseYaml, type ScalarTag, type Tags } from 'yaml';

export const SERVERLESS_YML = join(resolve(__dirname, '..'), 'serverless.yml');

const CFN_FUNCTIONS = [
  'Ref',
  'GetAtt',
  'Join',
  'Sub',
  'Select',
  'Split',
  'If',
  'Equals',
  'And',
  'Or',
  'Not',
  'FindInMap',
  'Base64',
  'Cidr',
  'GetAZs',
  'ImportValue',
  'Condition',
];
const CFN_TAGS: Tags = CFN_FUNCTIONS.flatMap((name): (ScalarTag | CollectionTag)[] => {
  const key = name === 'Ref' || name === 'Condition' ? name : `Fn::${name}`;
  return [
    {
      tag: `!${name}`,
      resolve: (value: string) => ({ [key]: name === 'GetAtt' ? value.split('.') : value }),
    },
    { tag: `!${name}`, collection: 'seq', resolve: (seq) => ({ [key]: seq.toJSON() }) },
    { tag: `!${name}`, collection: 'map', resolve: (map) => ({ [key]: map.toJSON() }) },
  ];
});

export interface CfnResource {
  Type: string;
  Properties?: Record<string, unknown>;
}

export interface ServerlessFunction {
  handler: string;
  timeout?: number;
  events?: { httpApi?: { method: string; path: string } }[];
}

/** The parts of serverless.yml read here. */
export interface ServerlessYml {
  service?: unknown;
  provider?: { environment?: Record<string, unknown>; timeout?: number };
  functions?: Record<string, ServerlessFunction>;
  resources?: { Resources?: Record<string, CfnResource> };
}

export function readServerlessYml(path = SERVERLESS_YML): ServerlessYml {
  return parseYaml(readFileSync(path, 'utf8'), { customTags: CFN_TAGS }) as ServerlessYml;
}
