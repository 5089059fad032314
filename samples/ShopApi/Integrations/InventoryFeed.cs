namespace ShopApi.Integrations;

// A fallback that silently points production at a developer's machine when the variable is missing.
public static class InventoryFeed
{
    public static Uri BaseAddress() =>
        new(Environment.GetEnvironmentVariable("INVENTORY_URL") ?? "http://host.docker.internal:8081"); // LR0010

    public static string CacheEndpoint() =>
        Environment.GetEnvironmentVariable("REDIS") ?? "localhost:6379"; // LR0010
}
