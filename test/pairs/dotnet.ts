import { log, type PairFormat } from './model.ts';

export const dotnet: PairFormat = {
  format: '.NET',
  pairs: [
    {
      name: 'unhandled exception, other request id and line numbers',
      kind: 'same',
      a: log(
        'fail: Microsoft.AspNetCore.Server.Kestrel[13]',
        '      Connection id "0HMVD1J4G5P2K", Request id "0HMVD1J4G5P2K:00000003": An unhandled exception was thrown by the application.',
        '      System.InvalidOperationException: Sequence contains no elements',
        '         at System.Linq.ThrowHelper.ThrowNoElementsException()',
        '         at Shop.Api.Orders.OrderService.Latest(Int32 customerId) in C:\\build\\agent\\src\\Orders\\OrderService.cs:line 57',
      ),
      b: log(
        'fail: Microsoft.AspNetCore.Server.Kestrel[13]',
        '      Connection id "0HMVE7QK2LM0A", Request id "0HMVE7QK2LM0A:00000011": An unhandled exception was thrown by the application.',
        '      System.InvalidOperationException: Sequence contains no elements',
        '         at System.Linq.ThrowHelper.ThrowNoElementsException()',
        '         at Shop.Api.Orders.OrderService.Latest(Int32 customerId) in /src/Orders/OrderService.cs:line 61',
      ),
    },
    {
      name: 'Serilog SQL timeout, other elapsed and user',
      kind: 'same',
      a: log('[10:01:00 ERR] Query for report 8812 by user alice timed out after 30012 ms'),
      b: log('[22:41:09 ERR] Query for report 17 by user bob timed out after 31007 ms'),
    },
    {
      name: 'COMException HRESULT, other thread',
      kind: 'same',
      a: log(
        '2024-05-01 10:02:00.000 [T12] ERROR Shop.Print.Spooler - System.Runtime.InteropServices.COMException (0x80004005): Unspecified error',
      ),
      b: log(
        '2024-05-07 14:12:09.000 [T3] ERROR Shop.Print.Spooler - System.Runtime.InteropServices.COMException (0x80004005): Unspecified error',
      ),
    },
    {
      name: 'HRESULT 0x8007000E vs 0x80004005',
      kind: 'different',
      a: log(
        '2024-05-01 10:03:00.000 [T12] ERROR Shop.Print.Spooler - System.Runtime.InteropServices.COMException (0x8007000E): call failed',
      ),
      b: log(
        '2024-05-01 10:03:00.000 [T12] ERROR Shop.Print.Spooler - System.Runtime.InteropServices.COMException (0x80004005): call failed',
      ),
    },
    {
      name: 'NullReferenceException vs ArgumentNullException at one frame',
      kind: 'different',
      a: log(
        'Unhandled exception. System.NullReferenceException: Object reference not set to an instance of an object.',
        '   at Shop.Worker.Program.Main(String[] args) in /src/Worker/Program.cs:line 14',
      ),
      b: log(
        "Unhandled exception. System.ArgumentNullException: Value cannot be null. (Parameter 'source')",
        '   at Shop.Worker.Program.Main(String[] args) in /src/Worker/Program.cs:line 14',
      ),
    },
    {
      name: 'one message from two categories',
      kind: 'different',
      a: log('fail: Shop.Api.Billing.InvoiceJob[0]', '      Job failed: upstream returned no data'),
      b: log('fail: Shop.Api.Catalog.ImportJob[0]', '      Job failed: upstream returned no data'),
    },
  ],
};
