import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import { defineComponent, h } from 'vue';
import { articleBlocks } from '@/utils/plainArticle';

describe('articleBlocks', () => {
  it('reads headings, paragraphs and lists of a plain Markdown article', () => {
    const blocks = articleBlocks('## 典型案例\n某公司拖欠工资，\n被判处有期徒刑。\n\n- 责令支付\n- 移送公安\n\n### 法律依据\n刑法**第二百七十六条之一**');
    expect(blocks).toEqual([
      { kind: 'heading', level: 2, text: '典型案例' },
      { kind: 'paragraph', text: '某公司拖欠工资，\n被判处有期徒刑。' },
      { kind: 'list', items: ['责令支付', '移送公安'] },
      { kind: 'heading', level: 3, text: '法律依据' },
      { kind: 'paragraph', text: '刑法第二百七十六条之一' },
    ]);
  });

  it('keeps markup as visible text when rendered by interpolation', () => {
    const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
    const Block = defineComponent({
      setup: () => () => articleBlocks(hostile).map((b) => h('p', b.kind === 'paragraph' ? b.text : '')),
    });
    const wrapper = mount(Block);
    expect(wrapper.find('img').exists()).toBe(false);
    expect(wrapper.find('script').exists()).toBe(false);
    expect(wrapper.text()).toContain('<img src=x');
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });
});
