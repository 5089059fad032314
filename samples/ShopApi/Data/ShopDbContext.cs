using Microsoft.EntityFrameworkCore;

namespace ShopApi.Data;

public sealed class ShopDbContext(DbContextOptions<ShopDbContext> options) : DbContext(options)
{
    public DbSet<Product> Products => Set<Product>();

    public DbSet<Order> Orders => Set<Order>();
}

public sealed class Product
{
    public int Id { get; set; }

    public required string Name { get; set; }

    public decimal Price { get; set; }

    public int Stock { get; set; }
}

public sealed class Order
{
    public int Id { get; set; }

    public required string CustomerEmail { get; set; }

    public List<OrderLine> Lines { get; set; } = [];

    public DateTimeOffset PlacedAt { get; set; }
}

public sealed class OrderLine
{
    public int Id { get; set; }

    public int ProductId { get; set; }

    public int Quantity { get; set; }
}
