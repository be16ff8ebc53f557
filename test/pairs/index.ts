/** Every format of the pairs suite, in the order the report prints them. */
import { bunyan } from './bunyan.ts';
import { dotnet } from './dotnet.ts';
import { ecsFormat } from './ecs.ts';
import { go } from './go.ts';
import { jvm } from './jvm.ts';
import { k8sEvents } from './k8s-events.ts';
import { klog } from './klog.ts';
import { lambda } from './lambda.ts';
import { logcat } from './logcat.ts';
import { logfmt } from './logfmt.ts';
import { logrus } from './logrus.ts';
import type { PairFormat } from './model.ts';
import { mysql } from './mysql.ts';
import { nginx } from './nginx.ts';
import { node } from './node.ts';
import { php } from './php.ts';
import { pino } from './pino.ts';
import { postgres } from './postgres.ts';
import { python } from './python.ts';
import { ruby } from './ruby.ts';
import { rust } from './rust.ts';
import { structlog } from './structlog.ts';
import { syslog } from './syslog.ts';
import { winston } from './winston.ts';
import { zap } from './zap.ts';

export const FORMATS: PairFormat[] = [
  pino,
  winston,
  bunyan,
  zap,
  logrus,
  structlog,
  ecsFormat,
  logfmt,
  klog,
  logcat,
  syslog,
  nginx,
  postgres,
  mysql,
  jvm,
  python,
  node,
  go,
  dotnet,
  rust,
  ruby,
  php,
  k8sEvents,
  lambda,
];
