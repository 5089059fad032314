namespace ShopApi.Integrations;

// The fix: a few attempts, growing randomized delays, and the caller's cancellation respected.
public sealed class CleanOrderNotifier(HttpClient http)
{
    public async Task NotifyAsync(int orderId, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await http.PostAsJsonAsync("https://mail.shop-partner.com/send", new { orderId }, cancellationToken);
                return;
            }
            catch (HttpRequestException) when (attempt < 3)
            {
                var backoff = TimeSpan.FromMilliseconds((200 * Math.Pow(2, attempt)) + Random.Shared.Next(0, 100));
                await Task.Delay(backoff, cancellationToken);
            }
        }
    }
}
