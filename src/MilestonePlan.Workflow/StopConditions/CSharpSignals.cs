using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MilestonePlan.Workflow.StopConditions;

/// <summary>
/// What a C# file says about sensitive surfaces, read from its syntax (Roslyn), never from text: a comment
/// that says "authorize" is not an [Authorize] attribute, and an aliased attribute still is one.
/// </summary>
internal sealed record CSharpSignals(IReadOnlyList<string> Migrations, IReadOnlyList<string> Sensitive)
{
    private static readonly HashSet<string> SensitiveAttributes = new(StringComparer.Ordinal)
    {
        "Authorize", "AllowAnonymous", "EnableRateLimiting", "DisableRateLimiting", "RequiresPermission",
    };

    private static readonly HashSet<string> SensitiveCalls = new(StringComparer.Ordinal)
    {
        "AddAuthentication", "AddAuthorization", "AddAuthorizationBuilder", "AddAuthorizationCore", "AddRateLimiter",
        "UseAuthentication", "UseAuthorization", "UseRateLimiter", "RequireAuthorization", "AllowAnonymous", "RequireRateLimiting",
        "AddJwtBearer", "AddCookie", "AddOpenIdConnect", "AddPolicy",
    };

    private static readonly HashSet<string> SensitiveBaseTypes = new(StringComparer.Ordinal)
    {
        "AuthorizationHandler", "IAuthorizationHandler", "IAuthorizationRequirement", "AuthenticationHandler", "IAuthorizationPolicyProvider",
    };

    public static CSharpSignals Empty { get; } = new([], []);

    public static CSharpSignals Of(string? source)
    {
        if (string.IsNullOrEmpty(source))
        {
            return Empty;
        }

        var root = CSharpSyntaxTree.ParseText(source!).GetCompilationUnitRoot();
        var aliases = root.DescendantNodes().OfType<UsingDirectiveSyntax>()
            .Where(u => u.Alias is not null)
            .ToDictionary(u => u.Alias!.Name.Identifier.ValueText, u => LastName(u.Name?.ToString() ?? string.Empty), StringComparer.Ordinal);

        var migrations = new List<string>();
        var sensitive = new List<string>();
        foreach (var type in root.DescendantNodes().OfType<TypeDeclarationSyntax>())
        {
            var bases = type.BaseList?.Types.Select(t => LastName(StripGenerics(t.Type.ToString()))).ToList() ?? [];
            var attributes = type.AttributeLists.SelectMany(l => l.Attributes).Select(a => AttributeName(a, aliases)).ToList();
            if (bases.Contains("Migration") || bases.Contains("ModelSnapshot") || attributes.Contains("Migration"))
            {
                migrations.Add(type.Identifier.ValueText);
            }

            foreach (var name in bases.Where(SensitiveBaseTypes.Contains))
            {
                sensitive.Add($"{type.Identifier.ValueText} derives from {name}");
            }
        }

        foreach (var attribute in root.DescendantNodes().OfType<AttributeSyntax>())
        {
            var name = AttributeName(attribute, aliases);
            if (SensitiveAttributes.Contains(name))
            {
                sensitive.Add($"[{name}{attribute.ArgumentList?.ToString() ?? string.Empty}] on {Owner(attribute)}");
            }
        }

        foreach (var invocation in root.DescendantNodes().OfType<InvocationExpressionSyntax>())
        {
            var name = invocation.Expression switch
            {
                MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
                IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                GenericNameSyntax generic => generic.Identifier.ValueText,
                _ => null,
            };
            if (name is not null && SensitiveCalls.Contains(name))
            {
                sensitive.Add($"{name}(...) in {Owner(invocation)}");
            }
        }

        return new CSharpSignals(migrations, sensitive);
    }

    /// <summary>Signals present on one side only: what the change added, removed or altered.</summary>
    public static IReadOnlyList<string> Difference(IReadOnlyList<string> before, IReadOnlyList<string> after)
    {
        var remaining = before.GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count());
        var added = new List<string>();
        foreach (var signal in after)
        {
            if (remaining.TryGetValue(signal, out var count) && count > 0)
            {
                remaining[signal] = count - 1;
            }
            else
            {
                added.Add("added " + signal);
            }
        }

        return added.Concat(remaining.Where(p => p.Value > 0).Select(p => "removed " + p.Key)).ToList();
    }

    private static string AttributeName(AttributeSyntax attribute, IReadOnlyDictionary<string, string> aliases)
    {
        var name = LastName(attribute.Name.ToString());
        if (aliases.TryGetValue(name, out var target))
        {
            name = target;
        }

        return name.EndsWith("Attribute", StringComparison.Ordinal) ? name.Substring(0, name.Length - "Attribute".Length) : name;
    }

    private static string Owner(SyntaxNode node)
    {
        var member = node.Ancestors().FirstOrDefault(a => a is MemberDeclarationSyntax and not NamespaceDeclarationSyntax and not FileScopedNamespaceDeclarationSyntax);
        var type = node.Ancestors().OfType<TypeDeclarationSyntax>().FirstOrDefault();
        var memberName = member switch
        {
            MethodDeclarationSyntax m => m.Identifier.ValueText,
            PropertyDeclarationSyntax p => p.Identifier.ValueText,
            TypeDeclarationSyntax t => t.Identifier.ValueText,
            _ => null,
        };
        return type is null ? "top-level code" : memberName is null || memberName == type.Identifier.ValueText
            ? type.Identifier.ValueText
            : type.Identifier.ValueText + "." + memberName;
    }

    private static string StripGenerics(string name)
    {
        var angle = name.IndexOf('<');
        return angle > 0 ? name.Substring(0, angle) : name;
    }

    private static string LastName(string name)
    {
        var cut = Math.Max(name.LastIndexOf('.'), name.LastIndexOf(':'));
        return (cut >= 0 ? name.Substring(cut + 1) : name).Trim();
    }
}
