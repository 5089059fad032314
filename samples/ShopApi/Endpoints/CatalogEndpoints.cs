using Microsoft.EntityFrameworkCore;
using ShopApi.Data;

namespace ShopApi.Endpoints;

public static class CatalogEndpoints
{
    public static void MapCatalog(this IEndpointRouteBuilder app)
    {
        app.MapGet("/products", async (ShopDbContext db, CancellationToken ct) =>
            await db.Products.AsNoTracking().OrderBy(p => p.Name).Take(50).ToListAsync(ct));

        app.MapGet("/products/{id:int}", async (int id, ShopDbContext db, CancellationToken ct) =>
            await db.Products.FindAsync([id], ct) is { } product ? Results.Ok(product) : Results.NotFound());

        app.MapGet("/shipping/quote/{postcode}", async (string postcode, Integrations.CleanShippingRatesClient shipping, CancellationToken ct) =>
            Results.Ok(new { amount = await shipping.QuoteAsync(postcode, ct) }));
    }
}
