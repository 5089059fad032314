namespace ShopApi.Integrations;

// Currency conversion for checkout, written the quick way.
public sealed class ExchangeRates
{
    private static readonly HttpClient Reports = new() { Timeout = Timeout.InfiniteTimeSpan }; // LR0021

    public async Task<decimal> RateAsync(string currency, CancellationToken cancellationToken)
    {
        using var client = new HttpClient(); // LR0020, LR0023
        var rate = await client.GetFromJsonAsync<Rate>($"https://rates.fx-partner.com/latest/{currency}", cancellationToken);
        return rate?.Value ?? 1m;
    }

    public Task<string> MonthlyReportAsync(CancellationToken cancellationToken) =>
        Reports.GetStringAsync("https://rates.fx-partner.com/report", cancellationToken);

    private sealed record Rate(decimal Value);
}
