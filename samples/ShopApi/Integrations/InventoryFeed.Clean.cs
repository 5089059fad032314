namespace ShopApi.Integrations;

// The fix: a missing variable fails at startup, loudly, instead of falling back to localhost.
public static class CleanInventoryFeed
{
    public static Uri BaseAddress(IConfiguration configuration) =>
        configuration.GetValue<Uri>("Inventory:BaseUrl")
        ?? throw new InvalidOperationException("Inventory:BaseUrl is not configured");

    public static string CacheEndpoint(IConfiguration configuration) =>
        configuration.GetConnectionString("Redis")
        ?? throw new InvalidOperationException("ConnectionStrings:Redis is not configured");
}
