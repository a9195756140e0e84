"""The texts of the YAML reader: what it says about a report it reads, in both languages.

Three groups: the problems the reader finds while building the data (a duplicate key, a
custom tag, a limit reached), the numbers only YAML 1.1 reads as numbers, and libyaml's syntax
errors said in the user's terms, with the hints for their typical causes. Which message applies
is decided elsewhere (`yamlreader`, `yaml_scalars`, `yaml_errors`, `yaml_spacing`); here are
only the words.
"""

from __future__ import annotations

from ipr_rules.i18n import Text

# -- problems found while reading the data (`yamlreader`, `yaml_scalars`) -------------------
DUPLICATE_KEY = Text(
    "键“{key}”重复出现（第 {first} 行和第 {second} 行），请合并为一处",
    "key '{key}' appears twice (lines {first} and {second}); keep one",
)
UNSUPPORTED_TAG = Text(
    "不支持的 YAML 标签 {tag}，报告只能包含文字、数字、日期、列表和映射",
    "unsupported YAML tag {tag}: a report holds only text, numbers, dates, lists and mappings",
)
COMPLEX_KEY = Text(
    "键不能是列表或映射（“? ”开头的复杂键），请改为文字",
    "a key may not be a list or a mapping (a '? ' complex key); use text",
)
TOO_DEEP = Text(
    "嵌套层次超过 {limit} 层，超出部分未读取（可用 --max-depth 调整）",
    "nesting deeper than {limit} levels; the deeper part was not read (see --max-depth)",
)
TOO_MANY_NODES = Text(
    "文件内容展开后超过 {limit} 个节点（内容过多，或别名 *、合并键 << 展开过多），"
    "从此处起未读取（可用 --max-nodes 调整）",
    "the file expands to more than {limit} nodes (too much content, or aliases * and merge keys << expanding); "
    "not read from here on (see --max-nodes)",
)
TEXT_TOO_LONG = Text(
    "文字过长（{length} 个字符，上限 {limit}），未读取（可用 --max-text-length 调整）",
    "a text of {length} characters, over the limit of {limit}; not read (see --max-text-length)",
)
RECURSIVE_ALIAS = Text(
    "别名 *{anchor} 引用了包含它自身的内容（循环引用）", "the alias *{anchor} refers to what contains it (a cycle)"
)
BAD_SCALAR = Text(
    "无法读取值“{value}”：它被标为 {tag}，但不是这种类型的值；若是文字，请去掉标签并加引号",
    "cannot read the value '{value}': it is tagged {tag} but is not one; if it is text, drop the tag and quote it",
)
INVALID_DATE = Text(
    "{field}：日期 {value} 不存在，请检查年、月、日",
    "{field}: the date {value} does not exist; check year, month and day",
)
NUMBER_TOO_LONG = Text("数字过长（{digits} 位），无法读取", "the number is too long to read ({digits} digits)")
BAD_MERGE = Text("合并键 << 只能引用映射", "a merge key << may only refer to mappings")

# -- numbers only YAML 1.1 reads as numbers (`yaml_scalars`) ------------------------------

YAML11_NUMBER = Text(
    '“{raw}”会被 YAML 1.1 读作{form}，即 {value}，与字面不同，未采用；数字请写成普通的十进制数，文字请加引号写成 "{raw}"',
    "'{raw}' is read by YAML 1.1 as {form}, giving {value}, not what it says; not used. Write a number in plain "
    'decimal digits, or quote text ("{raw}")',
)
FORMS: dict[str, Text] = {
    "sexagesimal": Text("六十进制数（如时:分:秒）", "a base-60 number (like hours:minutes:seconds)"),
    "hexadecimal": Text("十六进制数", "a hexadecimal number"),
    "binary": Text("二进制数", "a binary number"),
    "octal": Text("八进制数（以 0 开头）", "an octal number (it starts with 0)"),
    "underscores": Text("数字（下划线被忽略）", "a number (the underscores are ignored)"),
}

# -- syntax errors (`yaml_errors`) -------------------------------------------------------

TAB = Text(
    "YAML 格式错误：第 {line} 行使用了制表符（Tab）缩进，YAML 只能用空格缩进{hint}",
    "YAML syntax error: line {line} is indented with a tab; YAML indents with spaces only{hint}",
)
COLON = Text(
    "YAML 格式错误：冒号位置不对；值中含有“: ”时请给整个值加引号{hint}",
    "YAML syntax error: a colon where none may stand; quote a value that contains ': '{hint}",
)
MISSING_COLON = Text(
    "YAML 格式错误：缺少“键: 值”中的冒号，或引号、括号没有闭合{hint}",
    "YAML syntax error: a 'key: value' colon is missing, or a quote or bracket is not closed{hint}",
)
END_OF_STREAM = Text(
    "YAML 格式错误：文件意外结束，引号或括号没有闭合{hint}",
    "YAML syntax error: the file ends early; a quote or bracket is not closed{hint}",
)
UNCLOSED_QUOTE = Text(
    "YAML 格式错误：第 {start} 行开始的引号没有闭合（这一行的{quote}缺少与之配对的另一个），"
    "请在这一项文字的末尾补上，或去掉开头的引号{hint}",
    "YAML syntax error: the quote opened on line {start} is not closed (the {quote} on that line has no partner); "
    "add one at the end of that text, or drop the opening one{hint}",
)
COLON_IN_VALUE = Text(
    "YAML 格式错误：第 {line} 行的值中有半角冒号加空格（“{key}: ”），YAML 把它当成了新的键；"
    "请给整个值加引号（{fixed}），或把冒号改为全角“：”{hint}",
    "YAML syntax error: the value on line {line} holds an ASCII colon and a space ('{key}: '), which YAML takes for "
    "a new key; quote the whole value ({fixed}) or use a full-width colon '：'{hint}",
)
QUOTE_NAMES: dict[str, Text] = {'"': Text('双引号（"）', 'double quote "'), "'": Text("单引号（'）", "single quote '")}
UNCLOSED_BRACKET = Text(
    "YAML 格式错误：第 {start} 行开始的方括号 [ 或花括号 {{ 没有闭合，或其中缺少逗号{hint}",
    "YAML syntax error: the [ or {{ opened on line {start} is not closed, or a comma is missing in it{hint}",
)
INDENTATION = Text(
    "YAML 格式错误：缩进不一致，同一层的键和列表项要对齐{hint}",
    "YAML syntax error: inconsistent indentation; keys and list items of one level must line up{hint}",
)
NO_CONTENT = Text(
    "YAML 格式错误：此处缺少内容（如“- ”或“,”后面什么也没有）{hint}",
    "YAML syntax error: content is missing here (nothing after a '- ' or a ','){hint}",
)
EXTRA_CONTENT = Text(
    "YAML 格式错误：值后面有多余的内容；含引号或“#”的文字请整个加引号，注释的“#”前要有空格{hint}",
    "YAML syntax error: something follows a value; quote a whole text that holds quotes or '#', "
    "and put a space before a comment's '#'{hint}",
)
BAD_START = Text(
    "YAML 格式错误：值不能以“{character}”开头，请给整个值加引号{hint}",
    "YAML syntax error: a value cannot start with '{character}'; quote the whole value{hint}",
)
BAD_ESCAPE = Text(
    "YAML 格式错误：双引号中的反斜杠“\\”转义无效（如 Windows 路径或单独的代理项 \\ud800）；"
    "含反斜杠的文字请改用单引号{hint}",
    "YAML syntax error: an invalid backslash escape inside double quotes (a Windows path, or a lone surrogate "
    "such as \\ud800); use single quotes for text with backslashes{hint}",
)
ANCHOR = Text(
    "YAML 格式错误：“&”或“*”后缺少名称；若这是文字，请给整个值加引号{hint}",
    "YAML syntax error: a name is missing after '&' or '*'; quote the whole value if it is text{hint}",
)
DOCUMENT_MARKER = Text(
    "YAML 格式错误：“---”或“...”只能单独占一行，用来分隔多份报告{hint}",
    "YAML syntax error: '---' and '...' stand alone on a line, between reports{hint}",
)
DIRECTIVE = Text(
    "YAML 格式错误：不支持的 % 指令或标签前缀（报告不需要以 % 开头的行）{hint}",
    "YAML syntax error: an unsupported % directive or tag prefix (a report needs no line starting with %){hint}",
)
UNDEFINED_ALIAS = Text(
    "YAML 格式错误：引用了未定义的别名（*名称）{hint}",
    "YAML syntax error: an alias (*name) that was never defined{hint}",
)
CONTROL_CHARACTER = Text(
    "文件含有不允许的控制字符（{detail}），可能是从其他软件粘贴带入的{hint}",
    "the file contains a control character YAML does not allow ({detail}), perhaps pasted from another program{hint}",
)
TOO_DEEP_TO_PARSE = Text(
    "YAML 嵌套层次过深（超过 1000 层），无法读取{hint}",
    "the YAML is nested too deeply to read (more than 1000 levels){hint}",
)
# libyaml's words as the stream reports them, before `yaml_errors` explains them.
PARSER_SYNTAX_ERROR = Text("YAML 格式错误（{problem}）", "YAML syntax error: {problem}")
GENERIC = Text("YAML 格式错误（{problem}）{hint}", "YAML syntax error: {problem}{hint}")
FULL_WIDTH_COLON_HINT = Text(
    "（第 {line} 行使用了全角冒号“：”，请改为半角“:”）",
    " (line {line} uses a full-width colon '：'; use a half-width ':')",
)
FULL_WIDTH_SPACE_HINT = Text(
    "（第 {line} 行含有全角空格，请改为半角空格）", " (line {line} contains full-width spaces; use ordinary spaces)"
)
FULL_WIDTH_QUOTE_HINT = Text(
    "（第 {line} 行的引号是全角“”，YAML 只认半角引号 \" 和 '）",
    " (line {line} has full-width quotes “”; YAML only knows \" and ')",
)
NO_HINT = Text("", "")
FULL_WIDTH_COLON = Text(
    "YAML 格式错误：第 {line} 行使用了全角冒号“：”，请改为半角“:”（冒号后加一个空格）",
    "YAML syntax error: line {line} uses a full-width colon '：'; use a half-width ':' followed by a space",
)
FULL_WIDTH_SPACE = Text(
    "YAML 格式错误：第 {line} 行使用了全角空格缩进，请改为半角空格",
    "YAML syntax error: line {line} is indented with full-width spaces; use ordinary spaces",
)

# -- a space left out, a value that goes on after it closes (`yaml_spacing`) -------------

NO_SPACE_AFTER_COLON = Text(
    "YAML 格式错误：第 {line} 行“{key}:”的冒号后面缺少空格，YAML 没有把它读成“键: 值”；请写作“{key}: {value}”",
    "YAML syntax error: line {line} has no space after the colon of '{key}:', so YAML did not read a 'key: value'; "
    "write '{key}: {value}'",
)
NO_SPACE_AFTER_DASH = Text(
    "YAML 格式错误：第 {line} 行开头的“-”后面缺少空格，YAML 没有把它读成列表项；请写作“- {value}”",
    "YAML syntax error: the '-' that starts line {line} has no space after it, so YAML did not read a list item; "
    "write '- {value}'",
)
OPENS_THEN_MORE = Text(
    "YAML 格式错误：第 {line} 行的值以{opener}开头，YAML 只把{closed}读作值，后面的“{rest}”就多出来了；"
    "请给整项加单引号（'…'），或把其中的{opener}改为全角",
    "YAML syntax error: the value on line {line} starts with {opener}, so YAML reads only {closed} as the value "
    "and '{rest}' is left over; put the whole text in single quotes ('…'), or use full-width characters",
)
OPENERS: dict[str, Text] = {
    '"': Text("双引号", "a double quote"),
    "[": Text("方括号“[”", "a '['"),
    "{": Text("花括号“{{”", "a '{{'"),
}
CLOSED_PARTS: dict[str, Text] = {
    '"': Text("引号里的部分", "the quoted part"),
    "[": Text("方括号里的部分（当作列表）", "the bracketed part (as a list)"),
    "{": Text("花括号里的部分（当作映射）", "the braced part (as a mapping)"),
}
FULL_WIDTH_HASH = Text(
    "YAML 格式错误：第 {line} 行的全角“＃”不是注释符号，YAML 把它后面的文字当成了内容；请改为半角“#”（前面留一个空格）",
    "YAML syntax error: the full-width '＃' on line {line} does not start a comment, so YAML read what follows "
    "as content; use an ASCII '#' with a space before it",
)
