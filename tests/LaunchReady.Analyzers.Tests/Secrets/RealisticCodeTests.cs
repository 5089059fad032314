using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace LaunchReady.Analyzers.Tests.Secrets
{
    /// <summary>
    /// Backend code full of strings that look like secrets to a naive scanner — names, headers,
    /// routes, policies, hashes, GUIDs, base64 — and contains none. Both secret rules must stay silent.
    /// </summary>
    public class RealisticCodeTests
    {
        private const string Backend = """
            using System;
            using System.Collections.Generic;
            using System.Net.Http;
            using System.Net.Http.Headers;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Identity;
            using Microsoft.Extensions.Configuration;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Logging;

            public static class AuthConstants
            {
                public const string ApiKeyHeaderName = "X-API-KEY";
                public const string ApiKeyScheme = "ApiKey";
                public const string TokenEndpoint = "/connect/token";
                public const string PasswordResetRoute = "/account/reset-password";
                public const string PasswordResetTokenPurpose = "ResetPassword";
                public const string RefreshTokenCookie = "__Host-refresh-token";
                public const string AccessTokenQueryParameter = "access_token";
                public const string InvalidTokenError = "invalid_token";
                public const string PasswordTooShort = "password_too_short";
                public const string SecretsSection = "Secrets";
                public const string ClientSecretPostMethod = "client_secret_post";
                public const string TokenClaimType = "http://schemas.shop.com/claims/token-kind";
                public const string PasswordHashAlgorithm = "PBKDF2-SHA256";
                public const string KeyVaultSecretName = "stripe-secret-key";
                public const string CacheKeyTemplate = "tokens:{0}:{1}";
            }

            public sealed class JwtOptions
            {
                public string Issuer { get; set; } = "https://auth.shop.com";
                public string Audience { get; set; } = "shop-api";
                public string SigningKey { get; set; } = "";
                public string SigningKeyId { get; set; } = "2024-11-rotation";
                public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(15);
                public string TokenType { get; set; } = "Bearer";
            }

            public sealed class StripeOptions
            {
                public string PublishableKey { get; set; } = "pk_live_51HxQm2eZvKYlo2C9f8e7d6c5";
                public string SecretKey { get; set; } = string.Empty;
                public string WebhookSecretName { get; set; } = "stripe-webhook";
                public string ApiVersion { get; set; } = "2024-06-20";
            }

            public sealed class PaymentsClient(HttpClient http, IConfiguration configuration, ILogger<PaymentsClient> logger)
            {
                private const string FileHash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
                private const string CommitSha = "3e1f5a9c0b7d2e4f6a8c1b3d5e7f9a0c2b4d6e8f";
                private const string ETag = "\"33a64df551425fcc55e4d42a148795d9f25f89d4\"";
                private const string TransparentPixel = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";
                private static readonly Guid TenantId = Guid.Parse("3fa85f64-5717-4562-b3fc-2c963f66afa6");

                public void Authorize()
                {
                    var token = configuration["Payments:ApiToken"] ?? throw new InvalidOperationException("Payments:ApiToken is not set");
                    http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
                    http.DefaultRequestHeaders.Add("X-Api-Key", configuration["Payments:ApiKey"]);
                    logger.LogInformation("Token for {Tenant} refreshed; password policy {Policy} applies", TenantId, "Strict-v2");
                    var secretName = "payments-api-key";
                    var passwordField = "Password";
                    var tokenKind = "refresh_token";
                    var apiKeyLabel = "Please enter your API key";
                    var credentialsHint = "See the team vault for credentials";
                }
            }

            public static class Setup
            {
                public static void Configure(IServiceCollection services)
                {
                    services.Configure<IdentityOptions>(options =>
                    {
                        options.Password.RequireDigit = true;
                        options.Password.RequiredLength = 12;
                        options.Password.RequireNonAlphanumeric = true;
                        options.Tokens.PasswordResetTokenProvider = TokenOptions.DefaultProvider;
                        options.Tokens.EmailConfirmationTokenProvider = "Default";
                    });

                    var defaults = new Dictionary<string, string?>
                    {
                        ["Jwt:Issuer"] = "https://auth.shop.com",
                        ["Jwt:SigningKey"] = "",
                        ["Smtp:Password"] = null,
                        ["Features:PasswordlessLogin"] = "true",
                        ["Cache:TokenPrefix"] = "tok_",
                    };
                }
            }
            """;

        [Fact]
        public async Task RealisticBackendCode_HasNoSecretFindings()
        {
            var test = new CSharpAnalyzerTest<LaunchReady.Analyzers.Secrets.HardcodedSecretAnalyzer, DefaultVerifier>
            {
                TestCode = Backend,
                ReferenceAssemblies = Verifiers.TestReferences.AspNet80,
            };
            await test.RunAsync();
        }

        [Fact]
        public async Task RealisticBackendCode_HasNoUrlFindings()
        {
            var test = new CSharpAnalyzerTest<LaunchReady.Analyzers.Urls.HardcodedUrlAnalyzer, DefaultVerifier>
            {
                TestCode = Backend,
                ReferenceAssemblies = Verifiers.TestReferences.AspNet80,
            };
            await test.RunAsync();
        }
    }
}
