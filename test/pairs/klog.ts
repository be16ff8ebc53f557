import { log, type PairFormat } from './model.ts';

export const klog: PairFormat = {
  format: 'klog',
  pairs: [
    {
      name: 'kubelet: pod sync failed, other pod and time',
      kind: 'same',
      a: log(
        'E0501 10:00:00.123456    2231 pod_workers.go:1298] "Error syncing pod, skipping" err="failed to \\"StartContainer\\" for \\"api\\" with CrashLoopBackOff" pod="shop/api-6d8bcf9d7c-x2kqp"',
      ),
      b: log(
        'E0503 22:14:09.000001    2231 pod_workers.go:1301] "Error syncing pod, skipping" err="failed to \\"StartContainer\\" for \\"api\\" with CrashLoopBackOff" pod="shop/api-7fbbdcfdb-wqpzt"',
      ),
    },
    {
      name: 'structured controller error, other object and thread id',
      kind: 'same',
      a: log(
        'E0501 10:01:02.000100       1 controller.go:329] "Reconciler error" err="secret not found" certificate="default/web-tls" reconcileID="9f1c2a"',
      ),
      b: log(
        'E0502 08:00:00.999999       7 controller.go:329] "Reconciler error" err="secret not found" certificate="payments/billing-tls" reconcileID="0b7e44"',
      ),
    },
    {
      name: 'apiserver warning, other latency',
      kind: 'same',
      a: log(
        'W0501 10:02:00.500000      12 trace.go:236] Trace[1784002114]: "List" url:/api/v1/pods,user-agent:kubectl/v1.29.1 (total time: 1204ms)',
      ),
      b: log(
        'W0501 10:12:00.500000      12 trace.go:236] Trace[95140003]: "List" url:/api/v1/pods,user-agent:kubectl/v1.29.1 (total time: 3880ms)',
      ),
    },
    {
      name: 'CrashLoopBackOff vs ImagePullBackOff',
      kind: 'different',
      a: log(
        'E0501 10:03:00.000000    2231 pod_workers.go:1298] "Error syncing pod, skipping" err="failed to \\"StartContainer\\" for \\"api\\" with CrashLoopBackOff"',
      ),
      b: log(
        'E0501 10:03:00.000000    2231 pod_workers.go:1298] "Error syncing pod, skipping" err="failed to \\"StartContainer\\" for \\"api\\" with ImagePullBackOff"',
      ),
    },
    {
      name: 'secret not found vs forbidden',
      kind: 'different',
      a: log(
        'E0501 10:04:00.000000       1 controller.go:329] "Reconciler error" err="secret not found" certificate="default/web-tls"',
      ),
      b: log(
        'E0501 10:04:00.000000       1 controller.go:329] "Reconciler error" err="secrets is forbidden" certificate="default/web-tls"',
      ),
    },
    {
      name: 'one message from two source files',
      kind: 'different',
      a: log(
        'E0501 10:05:00.000000       1 leaderelection.go:332] error retrieving resource lock kube-system/kube-scheduler: context deadline exceeded',
      ),
      b: log(
        'E0501 10:05:00.000000       1 reflector.go:147] error retrieving resource lock kube-system/kube-scheduler: context deadline exceeded',
      ),
    },
  ],
};
