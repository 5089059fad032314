using Microsoft.EntityFrameworkCore;
using ShopApi.Data;

namespace ShopApi.Endpoints;

// The order history page, as first written: fine with ten seed orders, slow with real ones.
public sealed class OrderReports(ShopDbContext db)
{
    public async Task<List<(int OrderId, int Items)>> HistoryAsync(string email, CancellationToken ct)
    {
        var orders = await db.Orders.Where(o => o.CustomerEmail == email).ToListAsync(ct);
        var rows = new List<(int, int)>();
        foreach (var order in orders)
        {
            var lines = await db.Set<OrderLine>().Where(l => EF.Property<int>(l, "OrderId") == order.Id).ToListAsync(ct); // LR0030
            rows.Add((order.Id, lines.Sum(l => l.Quantity)));
        }

        return rows;
    }

    public async Task RestockAsync(IEnumerable<(int ProductId, int Quantity)> deliveries, CancellationToken ct)
    {
        foreach (var (productId, quantity) in deliveries)
        {
            var product = await db.Products.FindAsync([productId], ct); // LR0030
            product!.Stock += quantity;
            await db.SaveChangesAsync(ct); // LR0032
        }
    }
}
