using System.Text;
using System.Text.RegularExpressions;

namespace MilestonePlan.Core.Configuration;

/// <summary>
/// An .editorconfig section name as a matcher: `*`, `**`, `?`, `[abc]`, `{a,b}`. A glob without `/` matches
/// the file name in any folder; with `/` it is relative to the folder of the .editorconfig.
/// </summary>
internal sealed class EditorConfigGlob
{
    private readonly Regex regex;

    private EditorConfigGlob(Regex regex) => this.regex = regex;

    public static EditorConfigGlob Parse(string section)
    {
        var glob = section.Trim();
        var anchored = glob.Contains('/');
        if (glob.StartsWith("/", StringComparison.Ordinal))
        {
            glob = glob.Substring(1);
        }

        var pattern = new StringBuilder(anchored ? "^" : "(^|/)");
        var braces = 0;
        for (var i = 0; i < glob.Length; i++)
        {
            var c = glob[i];
            switch (c)
            {
                case '*' when i + 1 < glob.Length && glob[i + 1] == '*':
                    pattern.Append(".*");
                    i++;
                    break;
                case '*':
                    pattern.Append("[^/]*");
                    break;
                case '?':
                    pattern.Append("[^/]");
                    break;
                case '[':
                    var close = glob.IndexOf(']', i + 1);
                    if (close > i)
                    {
                        var set = glob.Substring(i + 1, close - i - 1);
                        pattern.Append('[').Append(set.StartsWith("!", StringComparison.Ordinal) ? "^" + Regex.Escape(set.Substring(1)) : Regex.Escape(set)).Append(']');
                        i = close;
                    }
                    else
                    {
                        pattern.Append(@"\[");
                    }

                    break;
                case '{':
                    braces++;
                    pattern.Append("(?:");
                    break;
                case '}' when braces > 0:
                    braces--;
                    pattern.Append(')');
                    break;
                case ',' when braces > 0:
                    pattern.Append('|');
                    break;
                case '\\' when i + 1 < glob.Length:
                    pattern.Append(Regex.Escape(glob[++i].ToString()));
                    break;
                default:
                    pattern.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        pattern.Append(new string(')', braces)).Append('$');
        try
        {
            return new EditorConfigGlob(new Regex(pattern.ToString(), RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100)));
        }
        catch (ArgumentException)
        {
            return new EditorConfigGlob(new Regex("(?!)"));
        }
    }

    /// <summary><paramref name="relativePath"/> uses `/` and is relative to the .editorconfig's folder.</summary>
    public bool IsMatch(string relativePath)
    {
        try
        {
            return regex.IsMatch(relativePath);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }
}
