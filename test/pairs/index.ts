/** Every format of the pairs suite, in the order the report prints them. */
import { accessJson } from './access-json.ts';
import { apple } from './apple.ts';
import { beam } from './beam.ts';
import { bunyan } from './bunyan.ts';
import { ci } from './ci-tools.ts';
import { browsers, w3c } from './clients.ts';
import { compilers } from './compilers.ts';
import { containers } from './containers.ts';
import { classicDaemons, clusterServices, dataServices, systemAndKernel, webServers } from './daemons.ts';
import { dart } from './dart.ts';
import { datadog } from './datadog.ts';
import { datastores } from './datastores.ts';
import { dotnet } from './dotnet.ts';
import { ecsFormat } from './ecs.ts';
import { databases, nodeWeb, phpServers, pythonWeb, queuesAndJobs, webStacks } from './frameworks.ts';
import { gelfFormat } from './gelf.ts';
import { go } from './go.ts';
import { goPanics } from './go-panics.ts';
import {
  javaServers,
  jsonDocuments,
  letterTokens,
  logStores,
  nodeInspected,
  pageSlugs,
  platformTools,
  refusedInputs,
  scriptLayouts,
  windowsEvents,
} from './inputs.ts';
import { journald } from './journald.ts';
import { jvm } from './jvm.ts';
import { jvmChains } from './jvm-chains.ts';
import { k8sEvents } from './k8s-events.ts';
import { klog } from './klog.ts';
import { lambda } from './lambda.ts';
import {
  cppValgrind,
  functionalRuntimes,
  jvmLanguages,
  perl,
  powershell,
  scriptingRuntimes,
} from './languages.ts';
import { logcat } from './logcat.ts';
import { logfmt } from './logfmt.ts';
import { logrus } from './logrus.ts';
import type { PairFormat } from './model.ts';
import { mysql } from './mysql.ts';
import { native } from './native.ts';
import { nginx } from './nginx.ts';
import { node } from './node.ts';
import { nodeRuntime } from './node-runtime.ts';
import { php } from './php.ts';
import { pino } from './pino.ts';
import { cloudApps, cloudPlatforms, structuredLoggers } from './platforms.ts';
import { postgres } from './postgres.ts';
import { proxies } from './proxies.ts';
import { python } from './python.ts';
import { pythonChains } from './python-chains.ts';
import { ruby } from './ruby.ts';
import { runners } from './runners.ts';
import { monoAndCrystal, serversQuotingErrors } from './runtimes.ts';
import { rust } from './rust.ts';
import { shell } from './shell.ts';
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
  containers,
  journald,
  gelfFormat,
  datastores,
  proxies,
  jvmChains,
  pythonChains,
  nodeRuntime,
  goPanics,
  beam,
  native,
  apple,
  dart,
  shell,
  ci,
  powershell,
  perl,
  functionalRuntimes,
  scriptingRuntimes,
  jvmLanguages,
  cppValgrind,
  systemAndKernel,
  webServers,
  dataServices,
  clusterServices,
  classicDaemons,
  structuredLoggers,
  cloudPlatforms,
  cloudApps,
  databases,
  queuesAndJobs,
  nodeWeb,
  phpServers,
  pythonWeb,
  webStacks,
  accessJson,
  datadog,
  compilers,
  runners,
  refusedInputs,
  javaServers,
  platformTools,
  jsonDocuments,
  nodeInspected,
  scriptLayouts,
  browsers,
  w3c,
  monoAndCrystal,
  serversQuotingErrors,
  letterTokens,
  pageSlugs,
  logStores,
  windowsEvents,
];
