using Microsoft.EntityFrameworkCore;
using ShopApi.Data;

namespace ShopApi.Endpoints;

// The fix: one query with the lines included, and one save for the whole delivery.
public sealed class CleanOrderReports(ShopDbContext db)
{
    public async Task<List<(int OrderId, int Items)>> HistoryAsync(string email, CancellationToken ct)
    {
        var orders = await db.Orders
            .Where(o => o.CustomerEmail == email)
            .Select(o => new { o.Id, Items = o.Lines.Sum(l => l.Quantity) })
            .ToListAsync(ct);
        return orders.Select(o => (o.Id, o.Items)).ToList();
    }

    public async Task RestockAsync(IReadOnlyList<(int ProductId, int Quantity)> deliveries, CancellationToken ct)
    {
        var ids = deliveries.Select(d => d.ProductId).ToList();
        var products = await db.Products.Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        foreach (var (productId, quantity) in deliveries)
        {
            products[productId].Stock += quantity;
        }

        await db.SaveChangesAsync(ct);
    }
}
