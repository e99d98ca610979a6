<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Problem</name>
    <message>
        <source>gets integer token ids (dtype long) but needs real numbers; feed the ids through an Embedding first, or set the Input&apos;s dtype to float</source>
        <translation>收到的是整数词元 ID（dtype long），但这里需要实数；请先让这些 ID 经过 Embedding 层，或把 Input 的 dtype 设为 float</translation>
    </message>
    <message>
        <source>needs integer token ids but gets real numbers; set the Input&apos;s dtype to long</source>
        <translation>需要整数词元 ID，收到的却是实数；请把 Input 的 dtype 设为 long</translation>
    </message>
    <message>
        <source>expects {expected}, got {got}</source>
        <translation>输入应为 {expected}，实际为 {got}</translation>
    </message>
    <message>
        <source>needs a fixed {what}, but it is the symbolic size {dim}</source>
        <translation>需要确定的{what}，但它是符号尺寸 {dim}</translation>
    </message>
    <message>
        <source>max_val {high} must be greater than min_val {low}</source>
        <translation>max_val {high} 必须大于 min_val {low}</translation>
    </message>
    <message>
        <source>dim {dim} does not exist in a {rank}-dimensional tensor</source>
        <translation>{rank} 维张量中没有维度 {dim}</translation>
    </message>
    <message>
        <source>dim 0 is the batch; choose a dimension of the sample (e.g. -1)</source>
        <translation>维度 0 是批维度；请选择样本的某个维度（例如 -1）</translation>
    </message>
    <message>
        <source>a slope per channel needs a channel dimension, got {got}</source>
        <translation>每个通道一个斜率需要输入有通道维度，实际为 {got}</translation>
    </message>
    <message>
        <source>a sequence (N, L, E)</source>
        <translation>序列 (N, L, E)</translation>
    </message>
    <message>
        <source>embedding size</source>
        <translation>嵌入维度</translation>
    </message>
    <message>
        <source>embedding size {embed} is not divisible by {heads} heads</source>
        <translation>嵌入维度 {embed} 不能被头数 {heads} 整除</translation>
    </message>
    <message>
        <source>expects a key padding mask (N, L) for the sequence {shape}, got {got}</source>
        <translation>序列 {shape} 需要形状为 (N, L) 的键填充掩码，实际为 {got}</translation>
    </message>
    <message>
        <source>expects a memory (N, S, {embed}) with the target&apos;s embedding size, got {got}</source>
        <translation>需要嵌入大小与目标序列相同的记忆 (N, S, {embed})，实际为 {got}</translation>
    </message>
    <message>
        <source>(N, C, L)</source>
        <translation>(N, C, L)</translation>
    </message>
    <message>
        <source>(N, C, H, W)</source>
        <translation>(N, C, H, W)</translation>
    </message>
    <message>
        <source>number of channels</source>
        <translation>通道数</translation>
    </message>
    <message>
        <source>groups={groups} must divide both the {in_channels} input and {out_channels} output channels</source>
        <translation>groups={groups} 必须能同时整除输入通道数 {in_channels} 和输出通道数 {out_channels}</translation>
    </message>
    <message>
        <source>padding &apos;same&apos; needs stride 1 (PyTorch does not support it otherwise)</source>
        <translation>填充 &apos;same&apos; 要求步幅为 1（否则 PyTorch 不支持）</translation>
    </message>
    <message>
        <source>kernel</source>
        <translation>卷积核</translation>
    </message>
    <message>
        <source>dilated kernel</source>
        <translation>膨胀后的卷积核</translation>
    </message>
    <message>
        <source>{what} {kernel} is larger than its {size} input padded by {padding}</source>
        <translation>{what} {kernel} 比填充 {padding} 后的 {size} 输入还大</translation>
    </message>
    <message>
        <source>{what} {kernel} is larger than its {size} input</source>
        <translation>{what} {kernel} 比 {size} 的输入还大</translation>
    </message>
    <message>
        <source>output padding {output_padding} must be smaller than the stride ({stride}) or the dilation ({dilation})</source>
        <translation>输出填充 {output_padding} 必须小于步幅（{stride}）或膨胀（{dilation}）</translation>
    </message>
    <message>
        <source>padding {padding} leaves no output from its {shape} input</source>
        <translation>填充 {padding} 过大，{shape} 的输入得不到任何输出</translation>
    </message>
    <message>
        <source>expects (N, features), got {got}</source>
        <translation>输入应为 (N, 特征数)，实际为 {got}</translation>
    </message>
    <message>
        <source>number of input features</source>
        <translation>输入特征数</translation>
    </message>
    <message>
        <source>all but the last dimension of {first} and {other} must match</source>
        <translation>{first} 与 {other} 除最后一维外的各维必须一致</translation>
    </message>
    <message>
        <source>token ids (N, L)</source>
        <translation>词元 ID (N, L)</translation>
    </message>
    <message>
        <source>sequence length {length} of {shape} exceeds max_len {max_len}</source>
        <translation>{shape} 的序列长度 {length} 超过了 max_len {max_len}</translation>
    </message>
    <message>
        <source>shapes {first} and {other} differ</source>
        <translation>形状 {first} 与 {other} 不一致</translation>
    </message>
    <message>
        <source>dim {dim} does not exist in {shape}</source>
        <translation>{shape} 中没有维度 {dim}</translation>
    </message>
    <message>
        <source>dim 0 is the batch; choose a dimension of the sample (e.g. 1)</source>
        <translation>维度 0 是批维度；请选择样本的某个维度（例如 1）</translation>
    </message>
    <message>
        <source>shapes {first} and {other} must match except in dim {dim}</source>
        <translation>形状 {first} 与 {other} 除维度 {dim} 外必须一致</translation>
    </message>
    <message>
        <source>needs a fixed size along dim {dim}</source>
        <translation>维度 {dim} 上需要确定的大小</translation>
    </message>
    <message>
        <source>size {size} along dim {dim} does not split into {chunks} equal parts</source>
        <translation>维度 {dim} 上的大小 {size} 无法均分为 {chunks} 份</translation>
    </message>
    <message>
        <source>mu {mu} and logvar {logvar} must have the same shape</source>
        <translation>mu {mu} 与 logvar {logvar} 的形状必须相同</translation>
    </message>
    <message>
        <source>(N, C) or (N, C, L)</source>
        <translation>(N, C) 或 (N, C, L)</translation>
    </message>
    <message>
        <source>last dimension</source>
        <translation>最后一维的大小</translation>
    </message>
    <message>
        <source>(N, C) or (N, C, …)</source>
        <translation>(N, C) 或 (N, C, …)</translation>
    </message>
    <message>
        <source>{groups} groups do not divide the {channels} channels</source>
        <translation>{groups} 个组不能整除 {channels} 个通道</translation>
    </message>
    <message>
        <source>needs more than one position per channel to normalise, got {got}</source>
        <translation>每个通道需要不止一个位置才能归一化，实际为 {got}</translation>
    </message>
    <message>
        <source>padding {padding} must be at most half the kernel size {kernel}</source>
        <translation>填充 {padding} 不能超过池化核大小 {kernel} 的一半</translation>
    </message>
    <message>
        <source>kernel {kernel}×{kernel} is larger than its {size} input</source>
        <translation>池化核 {kernel}×{kernel} 比 {size} 的输入还大</translation>
    </message>
    <message>
        <source>(N, C, D, H, W)</source>
        <translation>(N, C, D, H, W)</translation>
    </message>
    <message>
        <source>kernel {kernel} is larger than its {size} input</source>
        <translation>池化核 {kernel} 比 {size} 的输入还大</translation>
    </message>
    <message>
        <source>kernel {kernel}×{kernel}×{kernel} is larger than its {size} input</source>
        <translation>池化核 {kernel}×{kernel}×{kernel} 比 {size} 的输入还大</translation>
    </message>
    <message>
        <source>kernel {kernel}×{kernel}×{kernel} is larger than its {size} input (AvgPool3d does not count the padding here)</source>
        <translation>池化核 {kernel}×{kernel}×{kernel} 比 {size} 的输入还大（AvgPool3d 在这里不把填充算进去）</translation>
    </message>
    <message>
        <source>size for ceil mode</source>
        <translation>ceil 模式所需的尺寸</translation>
    </message>
    <message>
        <source>(N, C, L) or (N, C, H, W)</source>
        <translation>(N, C, L) 或 (N, C, H, W)</translation>
    </message>
    <message>
        <source>mode &apos;bilinear&apos; needs an image (N, C, H, W); use &apos;nearest&apos; for sequences</source>
        <translation>模式 &apos;bilinear&apos; 需要图像 (N, C, H, W)；序列请用 &apos;nearest&apos;</translation>
    </message>
    <message>
        <source>align corners applies only to mode &apos;bilinear&apos;</source>
        <translation>align corners（角点对齐）只适用于模式 &apos;bilinear&apos;</translation>
    </message>
    <message>
        <source>a sequence (N, L, features)</source>
        <translation>序列 (N, L, 特征数)</translation>
    </message>
    <message>
        <source>expects the initial state {port} as {expected}, got {got}</source>
        <translation>初始状态 {port} 的形状应为 {expected}，实际为 {got}</translation>
    </message>
    <message>
        <source>a batch of vectors (N, features)</source>
        <translation>一批向量 (N, 特征数)</translation>
    </message>
    <message>
        <source>expects the state {port} as {expected}, got {got}</source>
        <translation>状态 {port} 的形状应为 {expected}，实际为 {got}</translation>
    </message>
    <message>
        <source>start dim {start} does not exist in {shape}</source>
        <translation>{shape} 中没有起始维度 {start}</translation>
    </message>
    <message>
        <source>needs fixed sizes to reshape {shape}</source>
        <translation>要改变 {shape} 的形状，各维大小必须确定</translation>
    </message>
    <message>
        <source>cannot reshape {shape} ({elements} values) to {target}</source>
        <translation>无法把 {shape}（{elements} 个值）变形为 {target}</translation>
    </message>
    <message>
        <source>cannot reshape {shape} ({elements} values per sample) to {target} ({known} values)</source>
        <translation>无法把 {shape}（每个样本 {elements} 个值）变形为 {target}（{known} 个值）</translation>
    </message>
    <message>
        <source>dims {dims} must order the sample dimensions 1..{last} of {shape}, each once</source>
        <translation>dims {dims} 必须是 {shape} 的样本维度 1..{last} 的一个排列，每个维度恰好出现一次</translation>
    </message>
    <message>
        <source>a sequence (N, L, …) at &apos;like&apos;</source>
        <translation>序列 (N, L, …)（&apos;like&apos; 端口）</translation>
    </message>
    <message>
        <source>expects a sample (N, features) to repeat, got {shape}</source>
        <translation>需要一个要重复的样本 (N, 特征数)，实际为 {shape}</translation>
    </message>
    <message>
        <source>size at dim {dim}</source>
        <translation>维度 {dim} 的大小</translation>
    </message>
    <message>
        <source>channel count</source>
        <translation>通道数</translation>
    </message>
    <message>
        <source>{channels} channels do not divide by upscale factor² = {square}</source>
        <translation>通道数 {channels} 不能被放大倍数的平方 {square} 整除</translation>
    </message>
    <message>
        <source>(N, C, L), (N, C, H, W) or (N, C, D, H, W)</source>
        <translation>(N, C, L)、(N, C, H, W) 或 (N, C, D, H, W)</translation>
    </message>
    <message>
        <source>(N, C, H, W) at &apos;like&apos;</source>
        <translation>(N, C, H, W)（&apos;like&apos; 端口）</translation>
    </message>
    <message>
        <source>height</source>
        <translation>高度</translation>
    </message>
    <message>
        <source>width</source>
        <translation>宽度</translation>
    </message>
    <message>
        <source>{what} at &apos;like&apos;</source>
        <translation>&apos;like&apos; 端口的{what}</translation>
    </message>
    <message>
        <source>cannot crop {shape} to the larger {what} {want}</source>
        <translation>无法把 {shape} 裁剪到更大的{what} {want}</translation>
    </message>
    <message>
        <source>{type} &apos;{name}&apos;</source>
        <extracomment>The translation context of every message of the model.</extracomment>
        <translation>{type}“{name}”</translation>
    </message>
    <message>
        <source>{node}: {text}</source>
        <translation>{node}：{text}</translation>
    </message>
    <message>
        <source>uses the block {block}, which the project does not define</source>
        <translation>使用了模块 {block}，但项目中没有定义它</translation>
    </message>
    <message>
        <source>blocks are nested more than {depth} deep</source>
        <translation>模块嵌套超过了 {depth} 层</translation>
    </message>
    <message>
        <source>block {block} needs at least one Input and one Output inside</source>
        <translation>模块 {block} 内部至少需要一个 Input 和一个 Output</translation>
    </message>
    <message>
        <source>block {block} has {inputs} inputs and {outputs} outputs; only a block with one input and one output can repeat</source>
        <translation>模块 {block} 有 {inputs} 个输入和 {outputs} 个输出；只有一个输入、一个输出的模块才能重复</translation>
    </message>
    <message>
        <source>inside block {block} (repetition {repetition} of {repeat}, given {shape}): {problem}</source>
        <translation>在模块 {block} 内部（第 {repetition} 次重复，共 {repeat} 次，输入为 {shape}）：{problem}</translation>
    </message>
    <message>
        <source>inside block {block}: {problem}</source>
        <translation>在模块 {block} 内部：{problem}</translation>
    </message>
    <message>
        <source>gets integers computed from token ids by {origin}, which are not token ids any more and can index past its rows; feed it the ids themselves and combine the embedded vectors instead</source>
        <translation>收到的整数是 {origin} 由词元 ID 计算出来的，它们已不再是词元 ID，可能超出嵌入表的行数；请直接输入 ID 本身，改为组合嵌入后的向量</translation>
    </message>
    <message>
        <source>could not work out the shape ({error})</source>
        <translation>无法推算形状（{error}）</translation>
    </message>
    <message>
        <source>its output</source>
        <translation>它的输出</translation>
    </message>
    <message>
        <source>output {port}</source>
        <translation>输出 {port}</translation>
    </message>
    <message>
        <source>{which} holds {values} values per sample, more than any device can hold (at most {limit}); make the tensor smaller (fewer channels, a smaller scale factor, or pooling first)</source>
        <translation>{which}中每个样本有 {values} 个值，超出了任何设备的容量（最多 {limit}）；请把张量变小（减少通道、减小缩放倍数，或先做池化）</translation>
    </message>
    <message>
        <source>has {params} weights, more than any device can hold (at most {limit}); make its input smaller (pooling before a Flatten) or reduce its size</source>
        <translation>有 {params} 个权重，超出了任何设备的容量（最多 {limit}）；请缩小它的输入（在 Flatten 之前先池化）或减小它的规模</translation>
    </message>
    <message>
        <source>is part of a cycle of {count} nodes: {names} → … {rest} more → {first}; networks must flow one way</source>
        <translation>处在一个由 {count} 个节点组成的环中：{names} → … 另外 {rest} 个 → {first}；网络必须单向流动</translation>
    </message>
    <message>
        <source>is part of a cycle of {count} nodes: {names} → {first}; networks must flow one way</source>
        <translation>处在一个由 {count} 个节点组成的环中：{names} → {first}；网络必须单向流动</translation>
    </message>
    <message>
        <source>the network has no Input node; add one to say what data comes in</source>
        <translation>网络没有 Input 节点；请添加一个，说明输入的是什么数据</translation>
    </message>
    <message>
        <source>the network has no Output node; connect one to the layer whose result you want</source>
        <translation>网络没有 Output 节点；请添加一个，并把它连到你想要其结果的层</translation>
    </message>
    <message>
        <source>its input is not connected</source>
        <translation>输入端口未连接</translation>
    </message>
    <message>
        <source>input {port} is not connected</source>
        <translation>输入端口 {port} 未连接</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; reaches no Output: it is left out of the exported code</source>
        <translation>“{name}”没有连到任何 Output：导出的代码中不会包含它</translation>
    </message>
    <message>
        <source>enter sizes separated by commas, e.g. 1, 28, 28</source>
        <translation>请输入用逗号分隔的尺寸，例如 1, 28, 28</translation>
    </message>
    <message>
        <source>{first} or {second}</source>
        <translation>{first} 或 {second}</translation>
    </message>
    <message>
        <source>must be a number of pixels or {options}, got {got}</source>
        <translation>必须是像素数或 {options}，当前为 {got}</translation>
    </message>
    <message>
        <source>must be a positive integer, got {got}</source>
        <translation>必须是正整数，当前为 {got}</translation>
    </message>
    <message>
        <source>must be an integer above {bound}, got {got}</source>
        <translation>必须是大于 {bound} 的整数，当前为 {got}</translation>
    </message>
    <message>
        <source>must be an integer of at least {bound}, got {got}</source>
        <translation>必须是不小于 {bound} 的整数，当前为 {got}</translation>
    </message>
    <message>
        <source>must be an integer of at most {bound}, got {got}</source>
        <translation>必须是不大于 {bound} 的整数，当前为 {got}</translation>
    </message>
    <message>
        <source>must be a positive number, got {got}</source>
        <translation>必须是正数，当前为 {got}</translation>
    </message>
    <message>
        <source>must be a number above {bound}, got {got}</source>
        <translation>必须是大于 {bound} 的数，当前为 {got}</translation>
    </message>
    <message>
        <source>must be a number of at least {bound}, got {got}</source>
        <translation>必须是不小于 {bound} 的数，当前为 {got}</translation>
    </message>
    <message>
        <source>must be a number of at most {bound}, got {got}</source>
        <translation>必须是不大于 {bound} 的数，当前为 {got}</translation>
    </message>
    <message>
        <source>must be an integer, got {got}</source>
        <translation>必须是整数，当前为 {got}</translation>
    </message>
    <message>
        <source>must be a number, got {got}</source>
        <translation>必须是数字，当前为 {got}</translation>
    </message>
    <message>
        <source>must be a finite number, got {got}</source>
        <translation>必须是有限的数，当前为 {got}</translation>
    </message>
    <message>
        <source>must be true or false, got {got}</source>
        <translation>必须是 true 或 false，当前为 {got}</translation>
    </message>
    <message>
        <source>must be one of {options}, got {got}</source>
        <translation>必须是 {options} 之一，当前为 {got}</translation>
    </message>
    <message>
        <source>must have at most {most} dimensions, got {count}</source>
        <translation>最多只能有 {most} 个维度，当前有 {count} 个</translation>
    </message>
    <message>
        <source>dimension {index} cannot be called {batch}: {batch} is the batch size, which is left out</source>
        <translation>第 {index} 维不能叫 {batch}：{batch} 表示批大小，样本形状里不写它</translation>
    </message>
    <message>
        <source>dimension {index} must be a positive integer, got {got}</source>
        <translation>第 {index} 维必须是正整数，当前为 {got}</translation>
    </message>
    <message>
        <source>dimension {index} is {size}, larger than the limit of {limit}</source>
        <translation>第 {index} 维为 {size}，超过了上限 {limit}</translation>
    </message>
    <message>
        <source>has {total} elements per sample, more than the limit of {limit}</source>
        <translation>每个样本有 {total} 个元素，超过了上限 {limit}</translation>
    </message>
    <message>
        <source>must be a non-empty list of sizes, got {got}</source>
        <translation>必须是非空的尺寸列表，当前为 {got}</translation>
    </message>
    <message>
        <source>dimension {index} must be a size or a short name like &apos;L&apos;, got {got}</source>
        <translation>第 {index} 维必须是尺寸或像 &apos;L&apos; 这样的简短名称，当前为 {got}</translation>
    </message>
    <message>
        <source>item {index} must be an integer, got {got}</source>
        <translation>第 {index} 项必须是整数，当前为 {got}</translation>
    </message>
    <message>
        <source>must be a non-empty list of integers, got {got}</source>
        <translation>必须是非空的整数列表，当前为 {got}</translation>
    </message>
    <message>
        <source>item {index} is out of range, got {got}</source>
        <translation>第 {index} 项超出范围，当前为 {got}</translation>
    </message>
    <message>
        <source>dimension {index} must be a positive integer or -1, got {got}</source>
        <translation>第 {index} 维必须是正整数或 -1，当前为 {got}</translation>
    </message>
    <message>
        <source>may contain -1 only once</source>
        <translation>-1 最多只能出现一次</translation>
    </message>
    <message>
        <source>{network}: {text}</source>
        <translation>{network}：{text}</translation>
    </message>
    <message>
        <source>{headline}:</source>
        <translation>{headline}：</translation>
    </message>
    <message>
        <source>a block use is inferred through its definition</source>
        <translation>模块的使用要通过它的定义来推算形状</translation>
    </message>
    <message>
        <source>{source}: {text}</source>
        <translation>{source}：{text}</translation>
    </message>
    <message>
        <source>{count} problems:</source>
        <translation>{count} 个问题：</translation>
    </message>
    <message>
        <source>  … and {count} more</source>
        <translation>  …… 还有 {count} 个</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>文件不存在</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>文件是空的</translation>
    </message>
    <message>
        <source>this is a binary file, not a designer project (JSON text)</source>
        <translation>这是一个二进制文件，不是 designer 项目（JSON 文本）</translation>
    </message>
    <message>
        <source>permission denied: the file cannot be read</source>
        <translation>权限不足：无法读取该文件</translation>
    </message>
    <message>
        <source>this is not valid JSON: {reason} at line {line}, column {column}</source>
        <translation>这不是有效的 JSON：第 {line} 行第 {column} 列{reason}</translation>
    </message>
    <message>
        <source>Expecting value</source>
        <translation>缺少值</translation>
    </message>
    <message>
        <source>Expecting &apos;,&apos; delimiter</source>
        <translation>缺少分隔符“,”</translation>
    </message>
    <message>
        <source>Expecting &apos;:&apos; delimiter</source>
        <translation>缺少分隔符“:”</translation>
    </message>
    <message>
        <source>Expecting property name enclosed in double quotes</source>
        <translation>缺少用双引号括起的属性名</translation>
    </message>
    <message>
        <source>Extra data</source>
        <translation>有多余的数据</translation>
    </message>
    <message>
        <source>Unterminated string starting at</source>
        <translation>字符串没有结束</translation>
    </message>
    <message>
        <source>Invalid control character at</source>
        <translation>有无效的控制字符</translation>
    </message>
    <message>
        <source>{title} {problem}</source>
        <translation>{title}{problem}</translation>
    </message>
    <message>
        <source>network {name} has problems, so no code can be written</source>
        <translation>网络 {name} 有问题，因此无法生成代码</translation>
    </message>
    <message>
        <source>the code could not be generated: {error}</source>
        <translation>无法生成代码：{error}</translation>
    </message>
    <message>
        <source>a name cannot be empty</source>
        <translation>名称不能为空</translation>
    </message>
    <message>
        <source>a name can be at most {limit} characters</source>
        <translation>名称最多只能有 {limit} 个字符</translation>
    </message>
    <message>
        <source>another node is already called {name}</source>
        <translation>已经有另一个节点叫 {name}</translation>
    </message>
    <message>
        <source>reflection padding {padding} must be smaller than the {size} input: each side mirrors that many pixels from inside</source>
        <translation>反射填充 {padding} 必须小于 {size} 的输入：每一边都要从内部镜像这么多像素</translation>
    </message>
</context>
</TS>
