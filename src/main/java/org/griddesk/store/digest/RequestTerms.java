package org.griddesk.store.digest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/// The words of a request text, for the digest's hot terms: Chinese segmented into words by
/// Lucene's SmartChinese analyser (a hidden-Markov model over its own dictionary: 垃圾清运不及时 →
/// 垃圾 / 清运 / 不 / 及时), punctuation and the stop words below dropped, and only words of two
/// characters or more kept (single characters are mostly particles; numbers and codes say nothing).
/// Thread-safe: the analyser keeps one token stream per thread.
public final class RequestTerms {
    /// words every request has (反映, 市民…), the place words of the address (社区, 网格…) and function words
    static final List<String> STOP_WORDS = List.of("反映", "市民", "来电", "群众", "诉求", "问题", "情况", "希望", "要求", "请求", "相关",
            "部门", "尽快", "处理", "解决", "协调", "帮助", "咨询", "表示", "称", "目前", "现在", "一直", "已经", "没有", "存在", "进行",
            "社区", "网格", "小区", "附近", "位于", "地址", "我们", "他们", "自己", "这个", "那个", "这里", "那里", "因为", "所以", "但是",
            "而且", "以及", "还是", "或者", "如果", "就是", "可以", "需要", "不能", "什么", "怎么", "为什么", "的", "了", "在", "是", "和",
            "有", "也", "都", "就", "被", "对", "等", "及", "与", "第");

    private final SmartChineseAnalyzer analyzer;

    public RequestTerms() {
        CharArraySet stops = CharArraySet.copy(SmartChineseAnalyzer.getDefaultStopSet());
        stops.addAll(STOP_WORDS);
        this.analyzer = new SmartChineseAnalyzer(stops);
    }

    /// The distinct words of `text`, in the order they first appear.
    public Set<String> of(String text) {
        Set<String> words = new LinkedHashSet<>();
        if (text == null || text.isBlank()) {
            return words;
        }
        try (TokenStream tokens = analyzer.tokenStream("summary", text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                String word = term.toString();
                if (word.codePointCount(0, word.length()) >= 2 && word.codePoints().noneMatch(Character::isDigit)) {
                    words.add(word);
                }
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot segment a request text", e);
        }
        return words;
    }
}
