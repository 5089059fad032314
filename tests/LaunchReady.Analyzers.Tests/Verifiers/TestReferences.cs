using System.Collections.Immutable;
using System.IO;
using Microsoft.CodeAnalysis.Testing;

namespace LaunchReady.Analyzers.Tests.Verifiers
{
    /// <summary>Reference assemblies built from package versions the feed serves (the built-in Net80 set asks for 8.0.0, which it does not).</summary>
    internal static class TestReferences
    {
        public static readonly ReferenceAssemblies Net80 = new ReferenceAssemblies(
                "net8.0",
                new PackageIdentity("Microsoft.NETCore.App.Ref", "8.0.33"),
                Path.Combine("ref", "net8.0"));

        public static readonly ReferenceAssemblies AspNet80 = Net80.AddPackages(ImmutableArray.Create(
            new PackageIdentity("Microsoft.AspNetCore.App.Ref", "8.0.33")));

        /// <summary>EF Core 8 on .NET 8.</summary>
        public static readonly ReferenceAssemblies EfCore80 = Net80.AddPackages(ImmutableArray.Create(
            new PackageIdentity("Microsoft.EntityFrameworkCore", "8.0.33")));

        /// <summary>EF Core 10 with lazy-loading proxies (only served for 10.0.14) on .NET 10.</summary>
        public static readonly ReferenceAssemblies EfCore10WithProxies = new ReferenceAssemblies(
                "net10.0",
                new PackageIdentity("Microsoft.NETCore.App.Ref", "10.0.14"),
                Path.Combine("ref", "net10.0"))
            .AddPackages(ImmutableArray.Create(
                new PackageIdentity("Microsoft.EntityFrameworkCore", "10.0.14"),
                new PackageIdentity("Microsoft.EntityFrameworkCore.Proxies", "10.0.14")));

        /// <summary>ASP.NET Core plus the resilience (Polly v8) and Polly v7 integrations of IHttpClientFactory.</summary>
        public static readonly ReferenceAssemblies AspNet80WithResilience = AspNet80.AddPackages(ImmutableArray.Create(
            new PackageIdentity("Microsoft.Extensions.Http.Resilience", "10.11.0"),
            new PackageIdentity("Microsoft.Extensions.Resilience", "10.11.0"),
            new PackageIdentity("Polly.Core", "8.9.1"),
            new PackageIdentity("Polly.Extensions", "8.9.1"),
            new PackageIdentity("Polly.RateLimiting", "8.9.1"),
            new PackageIdentity("Microsoft.Extensions.Http.Polly", "8.0.33"),
            new PackageIdentity("Polly", "7.2.4"),
            new PackageIdentity("Polly.Extensions.Http", "3.0.0")));
    }
}
