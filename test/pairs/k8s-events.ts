import { log, type PairFormat } from './model.ts';

export const k8sEvents: PairFormat = {
  format: 'Kubernetes events',
  pairs: [
    {
      name: 'kubectl get events: BackOff, other pod and age',
      kind: 'same',
      a: log(
        '12m         Warning   BackOff            pod/api-6d8bcf9d7c-x2kqp     Back-off restarting failed container api in pod api-6d8bcf9d7c-x2kqp_shop(4c49a40c-870f-4018-a567-b1c5533197d7)',
      ),
      b: log(
        '3s          Warning   BackOff            pod/api-7fbbdcfdb-wqpzt      Back-off restarting failed container api in pod api-7fbbdcfdb-wqpzt_shop(e71d6110-317e-41a5-a528-4ba3faefadef)',
      ),
    },
    {
      name: 'FailedScheduling, other node counts',
      kind: 'same',
      a: log(
        '5m          Warning   FailedScheduling   pod/worker-0                 0/6 nodes are available: 6 Insufficient memory. preemption: 0/6 nodes are available',
      ),
      b: log(
        '40s         Warning   FailedScheduling   pod/worker-3                 0/12 nodes are available: 12 Insufficient memory. preemption: 0/12 nodes are available',
      ),
    },
    {
      name: 'event JSON: FailedMount, other pod and time',
      kind: 'same',
      a: log(
        JSON.stringify({
          kind: 'Event',
          type: 'Warning',
          reason: 'FailedMount',
          message: 'MountVolume.SetUp failed for volume "config" : configmap "web-config" not found',
          involvedObject: { kind: 'Pod', name: 'web-bcfdd-xkqpz', namespace: 'shop' },
          lastTimestamp: '2024-05-01T10:02:00Z',
          count: 4,
        }),
      ),
      b: log(
        JSON.stringify({
          kind: 'Event',
          type: 'Warning',
          reason: 'FailedMount',
          message: 'MountVolume.SetUp failed for volume "config" : configmap "web-config" not found',
          involvedObject: { kind: 'Pod', name: 'web-wqpzt-hzrtx', namespace: 'shop' },
          lastTimestamp: '2024-05-04T11:00:00Z',
          count: 1,
        }),
      ),
    },
    {
      name: 'BackOff vs Unhealthy for one pod',
      kind: 'different',
      a: log(
        '1m          Warning   BackOff            pod/api-6d8bcf9d7c-x2kqp     Back-off restarting failed container api',
      ),
      b: log(
        '1m          Warning   Unhealthy          pod/api-6d8bcf9d7c-x2kqp     Readiness probe failed: HTTP probe failed with statuscode: 503',
      ),
    },
    {
      name: 'FailedScheduling: memory vs cpu',
      kind: 'different',
      a: log(
        '5m          Warning   FailedScheduling   pod/worker-0                 0/6 nodes are available: 6 Insufficient memory.',
      ),
      b: log(
        '5m          Warning   FailedScheduling   pod/worker-0                 0/6 nodes are available: 6 Insufficient cpu.',
      ),
    },
    {
      name: 'probe failed with statuscode 503 vs 500',
      kind: 'different',
      a: log(
        '1m          Warning   Unhealthy          pod/api-6d8bcf9d7c-x2kqp     Readiness probe failed: HTTP probe failed with statuscode: 503',
      ),
      b: log(
        '1m          Warning   Unhealthy          pod/api-6d8bcf9d7c-x2kqp     Readiness probe failed: HTTP probe failed with statuscode: 500',
      ),
    },
    {
      name: '`kubectl get pods`: a pod in CrashLoopBackOff, another pod of it, other restarts and ages',
      kind: 'same',
      a: log(
        'NAME                    READY   STATUS             RESTARTS      AGE',
        'shop-7d9c5f6b8-xk2pq    0/1     CrashLoopBackOff   5 (2m ago)    3m',
      ),
      b: log(
        'NAME                    READY   STATUS             RESTARTS       AGE',
        'shop-7d9c5f6b8-qwzrt    0/1     CrashLoopBackOff   12 (40s ago)   31m',
      ),
    },
    {
      name: '`kubectl get pods`: two workloads crash-looping',
      kind: 'different',
      a: log(
        'NAME                       READY   STATUS             RESTARTS      AGE',
        'checkout-6f9d8b7c4-mzq2w   0/1     CrashLoopBackOff   4 (1m ago)    9m',
      ),
      b: log(
        'NAME                       READY   STATUS             RESTARTS      AGE',
        'payments-5c8b9d7f6-hvtnx   0/1     CrashLoopBackOff   4 (1m ago)    9m',
      ),
    },
    {
      name: "a DaemonSet's pods evicted, on two nodes",
      kind: 'same',
      a: log(
        '7m          Warning   Evicted            pod/log-agent-pz8tk          The node was low on resource: memory. Threshold quantity: 100Mi, available: 82Mi.',
      ),
      b: log(
        '2m          Warning   Evicted            pod/log-agent-c6wrj          The node was low on resource: memory. Threshold quantity: 100Mi, available: 64Mi.',
      ),
    },
    {
      name: '`kubectl describe pod`: crash-looping after an OOM kill vs a missing image',
      kind: 'different',
      a: log(
        'Name:         shop-7d9c5f6b8-xk2pq',
        '    State:          Waiting',
        '      Reason:       CrashLoopBackOff',
        '    Last State:     Terminated',
        '      Reason:       OOMKilled',
        '      Exit Code:    137',
      ),
      b: log(
        'Name:         shop-7d9c5f6b8-xk2pq',
        '    State:          Waiting',
        '      Reason:       ImagePullBackOff',
      ),
    },
  ],
};
