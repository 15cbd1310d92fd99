namespace SynapseToBal.Lowering;

/// <summary>
/// A checker for the Ballerina regular-expression grammar (the language specification's <c>ReDisjunction</c>, as
/// <c>regexp:fromString</c> reads it): every pattern the converter writes for a <c>regexp</c> is checked here at
/// conversion time, so an invalid one is a diagnostic, never a run-time error.
/// </summary>
public static class BallerinaRegexGrammar
{
    private const string SyntaxChars = "^$\\.*+?()[]{}|";

    /// <summary>Null when the pattern is valid; otherwise what is wrong and where.</summary>
    public static string? Problem(string pattern)
    {
        var checker = new Checker(pattern);
        return checker.Run();
    }

    private sealed class Checker(string s)
    {
        private int _pos;

        public string? Run()
        {
            try
            {
                Disjunction(0);
                return _pos < s.Length ? Fail($"unexpected '{s[_pos]}'") : null;
            }
            catch (FormatException e)
            {
                return e.Message;
            }
        }

        private string Fail(string what) => throw new FormatException($"{what} at position {_pos}");

        private char Peek(int ahead = 0) => _pos + ahead < s.Length ? s[_pos + ahead] : '\0';

        private bool AtEnd => _pos >= s.Length;

        private void Disjunction(int depth)
        {
            while (!AtEnd && Peek() != ')')
            {
                if (Peek() == '|')
                {
                    _pos++;
                    if (AtEnd)
                    {
                        Fail("'|' at the end");
                    }

                    continue;
                }

                Term(depth);
            }

            if (Peek() == ')' && depth == 0)
            {
                Fail("an unmatched ')'");
            }
        }

        private void Term(int depth)
        {
            var c = Peek();
            switch (c)
            {
                case '^' or '$':
                    _pos++;
                    return;
                case '.':
                    _pos++;
                    break;
                case '[':
                    Class();
                    break;
                case '(':
                    _pos++;
                    if (Peek() == '?')
                    {
                        _pos++;
                        while (Peek() is 'm' or 's' or 'i' or 'x')
                        {
                            _pos++;
                        }

                        if (Peek() == '-')
                        {
                            _pos++;
                            while (Peek() is 'm' or 's' or 'i' or 'x')
                            {
                                _pos++;
                            }
                        }

                        if (Peek() != ':')
                        {
                            Fail("a flag group without ':'");
                        }

                        _pos++;
                    }

                    Disjunction(depth + 1);
                    if (Peek() != ')')
                    {
                        Fail("an unclosed group");
                    }

                    _pos++;
                    break;
                case '\\':
                    Escape(inClass: false);
                    break;
                default:
                    if (SyntaxChars.Contains(c))
                    {
                        Fail($"an unescaped '{c}'");
                    }

                    _pos++;
                    break;
            }

            Quantifier();
        }

        private void Quantifier()
        {
            if (Peek() is '*' or '+' or '?')
            {
                _pos++;
            }
            else if (Peek() == '{')
            {
                _pos++;
                Digits();
                if (Peek() == ',')
                {
                    _pos++;
                    while (char.IsAsciiDigit(Peek()))
                    {
                        _pos++;
                    }
                }

                if (Peek() != '}')
                {
                    Fail("a malformed repetition");
                }

                _pos++;
            }
            else
            {
                return;
            }

            if (Peek() == '?')
            {
                _pos++;
            }
        }

        private void Digits()
        {
            if (!char.IsAsciiDigit(Peek()))
            {
                Fail("a repetition without digits");
            }

            while (char.IsAsciiDigit(Peek()))
            {
                _pos++;
            }
        }

        /// <summary>An escape; returns true when it stands for one character (usable in a range).</summary>
        private bool Escape(bool inClass)
        {
            var c = Peek(1);
            _pos += 2;
            switch (c)
            {
                case 'u' when Peek() == '{':
                    _pos++;
                    var start = _pos;
                    while (Uri.IsHexDigit(Peek()))
                    {
                        _pos++;
                    }

                    if (_pos == start || Peek() != '}')
                    {
                        Fail("a malformed '\\u{...}'");
                    }

                    _pos++;
                    return true;
                case 'n' or 't' or 'r':
                    return true;
                case 'p' or 'P':
                    if (Peek() != '{')
                    {
                        Fail("a '\\p' without '{'");
                    }

                    _pos++;
                    var name = _pos;
                    while (char.IsAsciiLetterOrDigit(Peek()) || Peek() is '_' or '=')
                    {
                        _pos++;
                    }

                    if (_pos == name || Peek() != '}')
                    {
                        Fail("a malformed '\\p{...}'");
                    }

                    _pos++;
                    return false;
                case 'd' or 'D' or 's' or 'S' or 'w' or 'W':
                    return false;
                case '-' when inClass:
                    return true;
                default:
                    if (!SyntaxChars.Contains(c) || c == '\0')
                    {
                        _pos -= 2;
                        Fail($"the escape '\\{c}'");
                    }

                    return true;
            }
        }

        private void Class()
        {
            _pos++;
            if (Peek() == '^')
            {
                _pos++;
            }

            var previousSingle = false;
            while (Peek() != ']')
            {
                if (AtEnd)
                {
                    Fail("an unclosed class");
                }

                bool single;
                if (Peek() == '\\')
                {
                    single = Escape(inClass: true);
                }
                else if (Peek() == '-')
                {
                    _pos++;
                    if (previousSingle && Peek() != ']')
                    {
                        // A range: the right-hand side must be one character.
                        if (Peek() == '\\' ? !Escape(inClass: true) : Peek() == '-' || SkipOne())
                        {
                            Fail("a range that does not end in a character");
                        }

                        previousSingle = false;
                        continue;
                    }

                    single = true;
                }
                else
                {
                    SkipOne();
                    single = true;
                }

                previousSingle = single;
            }

            _pos++;
        }

        private bool SkipOne()
        {
            _pos += char.IsHighSurrogate(Peek()) ? 2 : 1;
            return false;
        }
    }
}
