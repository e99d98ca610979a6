<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Block</name>
    <message>
        <source>DenseNet block: each layer (batch norm, ReLU, 3×3 convolution) adds 32 channels, concatenated to everything before it.</source>
        <translation>DenseNet 模块：每一层（批归一化、ReLU、3×3 卷积）新增 32 个通道，并与之前所有层的输出拼接在一起。</translation>
    </message>
    <message>
        <source>GoogLeNet Inception block: 1×1, 3×3 and 5×5 convolutions and pooling side by side, their channels concatenated (256 out).</source>
        <translation>GoogLeNet Inception 模块：1×1、3×3、5×5 卷积和池化并排计算，再把它们的通道拼接起来（输出 256 个通道）。</translation>
    </message>
    <message>
        <source>MobileNet block: a depthwise 3×3 convolution (one filter per channel, groups = channels) then a pointwise 1×1 convolution, each with batch norm and ReLU. Its channels must equal the input&apos;s (32 here).</source>
        <translation>MobileNet 模块：先做逐通道 3×3 卷积（深度卷积：每个通道一个卷积核，分组数等于通道数），再做逐点 1×1 卷积，每次卷积后都接批归一化和 ReLU。它的通道数必须与输入相同（这里是 32）。</translation>
    </message>
    <message>
        <source>ResNet basic block: two 3×3 convolutions with batch norm, added to the input (identity shortcut), then ReLU. Keeps the shape; its channels must equal the input&apos;s (64 here).</source>
        <translation>ResNet 基本模块：两个带批归一化的 3×3 卷积，结果与输入相加（恒等捷径），再经过 ReLU。形状保持不变；通道数必须与输入相同（这里是 64）。</translation>
    </message>
    <message>
        <source>ResNet block that halves the size and changes the channels: the shortcut is a strided 1×1 convolution with batch norm (a projection).</source>
        <translation>把尺寸减半并改变通道数的 ResNet 模块：捷径是一个带步幅的 1×1 卷积加批归一化（即投影）。</translation>
    </message>
    <message>
        <source>Transformer encoder block built from parts: self-attention, dropout, residual Add and LayerNorm, then a two-layer feed-forward network with GELU, another Add and LayerNorm. Input (sequence, 64 features).</source>
        <translation>由各个部件搭成的 Transformer 编码器模块：自注意力、Dropout（随机失活）、残差相加（Add）和 LayerNorm，然后是带 GELU 的两层前馈网络，再接一次 Add 和 LayerNorm。输入为（序列, 64 个特征）。</translation>
    </message>
    <message>
        <source>VGG block: two 3×3 convolutions with ReLU, then 2×2 max pooling (halves height and width).</source>
        <translation>VGG 模块：两个带 ReLU 的 3×3 卷积，然后是 2×2 最大池化（高和宽减半）。</translation>
    </message>
</context>
<context>
    <name>CanvasMenu</name>
    <message>
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>创建副本</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Disconnect all</source>
        <translation>断开所有连线</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Open block definition</source>
        <translation>打开模块定义</translation>
    </message>
    <message>
        <source>Ungroup block</source>
        <translation>取消模块组合</translation>
    </message>
    <message>
        <source>Make block unique</source>
        <translation>使模块独立</translation>
    </message>
    <message>
        <source>Group into block…</source>
        <translation>组合为模块…</translation>
    </message>
    <message>
        <source>Delete connection</source>
        <translation>删除连线</translation>
    </message>
    <message>
        <source>Add layer</source>
        <translation>添加层</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>粘贴</translation>
    </message>
    <message>
        <source>Select all</source>
        <translation>全选</translation>
    </message>
    <message>
        <source>Tidy layout</source>
        <translation>整理布局</translation>
    </message>
    <message>
        <source>Fit to view</source>
        <translation>适应窗口</translation>
    </message>
</context>
<context>
    <name>CodeView</name>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy the code to the clipboard</source>
        <translation>把代码复制到剪贴板</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Save the code as a Python file</source>
        <translation>把代码保存为 Python 文件</translation>
    </message>
    <message>
        <source>The network has problems, so there is no code yet:</source>
        <translation>网络还有问题，所以暂时无法生成代码：</translation>
    </message>
    <message numerus="yes">
        <source>PyTorch · %n line(s)</source>
        <translation>
            <numerusform>PyTorch · %n 行</numerusform>
        </translation>
    </message>
    <message>
        <source>No code yet</source>
        <translation>还没有代码</translation>
    </message>
</context>
<context>
    <name>DrawingPad</name>
    <message>
        <source>Draw with the left mouse button</source>
        <translation>按住鼠标左键绘画</translation>
    </message>
</context>
<context>
    <name>EmptyCanvasHint</name>
    <message>
        <source>Start building a network</source>
        <translation>开始搭建网络</translation>
    </message>
    <message>
        <source>Drag a layer from the &lt;b&gt;Layers&lt;/b&gt; panel onto the canvas,&lt;br&gt;or press &lt;b&gt;Tab&lt;/b&gt; here to search for one.&lt;br&gt;Connect an output port to an input port by dragging between them.</source>
        <translation>从&lt;b&gt;层&lt;/b&gt;面板把一个层拖到画布上，&lt;br&gt;或在这里按 &lt;b&gt;Tab&lt;/b&gt; 键搜索层。&lt;br&gt;在输出端口和输入端口之间拖动即可把它们连起来。</translation>
    </message>
    <message>
        <source>Or open a sample: {0}</source>
        <translation>或打开一个示例：{0}</translation>
    </message>
</context>
<context>
    <name>FieldEditor</name>
    <message>
        <source>(not valid here)</source>
        <translation>（此处无效）</translation>
    </message>
    <message>
        <source>e.g. 1, 28, 28 or L</source>
        <translation>例如 1, 28, 28 或 L</translation>
    </message>
    <message>
        <source>e.g. 0, 2, 1</source>
        <translation>例如 0, 2, 1</translation>
    </message>
    <message>
        <source>e.g. 16, -1</source>
        <translation>例如 16, -1</translation>
    </message>
</context>
<context>
    <name>GradientBar</name>
    <message>
        <source>Gradient norm {norm} ({share:.1%} of the largest layer&apos;s)</source>
        <translation>梯度范数 {norm}（为最大层的 {share:.1%}）</translation>
    </message>
    <message>
        <source>Update / weight ratio {ratio}</source>
        <translation>更新量 / 权重之比 {ratio}</translation>
    </message>
</context>
<context>
    <name>InsideOverlay</name>
    <message>
        <source>Inside</source>
        <translation>网络内部</translation>
    </message>
    <message>
        <source>Preview sample</source>
        <translation>预览样本</translation>
    </message>
    <message>
        <source>Which sample of the dataset should the layer previews show?
(0 is the first; the next run uses it.)</source>
        <translation>层预览要显示数据集中的哪个样本？
（0 表示第一个；下一次训练运行时生效。）</translation>
    </message>
    <message>
        <source>The drawing pad needs a network with one image Input of 1×H×W, at most 28×28 (this one takes {shape}).</source>
        <translation>画板需要一个只有一个图像输入（Input）的网络，输入形状为 1×H×W，最大 28×28（当前网络的输入是 {shape}）。</translation>
    </message>
    <message>
        <source>something else</source>
        <translation>其他形状</translation>
    </message>
    <message>
        <source>Train the network first: the drawing pad uses its weights.</source>
        <translation>请先训练网络：画板要用到训练得到的权重。</translation>
    </message>
    <message>
        <source>Open the Training panel: the point pad uses its dataset.</source>
        <translation>请打开“训练”面板：点选板使用其中选定的数据集。</translation>
    </message>
</context>
<context>
    <name>InsidePanel</name>
    <message>
        <source>Zoom</source>
        <translation>缩放</translation>
    </message>
    <message>
        <source>Output channels</source>
        <extracomment>The sections of the panel: key and heading.</extracomment>
        <translation>输出通道</translation>
    </message>
    <message>
        <source>Learned filters</source>
        <translation>学到的卷积核</translation>
    </message>
    <message>
        <source>Attention weights per head</source>
        <translation>各个头的注意力权重</translation>
    </message>
    <message>
        <source>Why this prediction: gradient × input</source>
        <translation>为什么这样预测：梯度 × 输入</translation>
    </message>
    <message>
        <source>Grad-CAM</source>
        <translation>Grad-CAM</translation>
    </message>
    <message>
        <source>Class probabilities</source>
        <translation>各类别的概率</translation>
    </message>
    <message>
        <source>Draw a digit</source>
        <translation>画一个数字</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>After training, draw here: the probabilities and the cards&apos; previews follow the drawing.</source>
        <translation>训练之后在这里画：概率和卡片上的预览会随着你的绘画实时更新。</translation>
    </message>
    <message>
        <source>Step through the forward pass</source>
        <translation>逐步查看前向传播</translation>
    </message>
    <message>
        <source>Inside</source>
        <translation>网络内部</translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation>◀ 上一步</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>下一步 ▶</translation>
    </message>
    <message>
        <source>Next ▶ walks through the nodes in the order they run.</source>
        <translation>“下一步 ▶”会按运行顺序依次走过各个节点。</translation>
    </message>
    <message>
        <source>Step {index} of {count}: {name} ({type})</source>
        <translation>第 {index} 步，共 {count} 步：{name}（{type}）</translation>
    </message>
    <message>
        <source>in  {port}: </source>
        <translation>输入 {port}：</translation>
    </message>
    <message>
        <source>out {port}: </source>
        <translation>输出 {port}：</translation>
    </message>
    <message>
        <source>Train the network to look inside it: the chosen sample&apos;s feature maps, filters, attention and saliency appear here after every epoch.</source>
        <translation>训练网络后就能看到它的内部：每一轮结束后，这里会显示所选样本的特征图、卷积核、注意力和显著性。</translation>
    </message>
    <message>
        <source>Select one card to see what it does to the sample.</source>
        <translation>选中一张卡片，看看它对样本做了什么。</translation>
    </message>
    <message>
        <source>This card has no output to show for the sample.</source>
        <translation>这张卡片没有可显示的样本输出。</translation>
    </message>
    <message>
        <source>true class: {target}</source>
        <translation>真实类别：{target}</translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message>
        <source>Select a layer on the canvas to see and edit its parameters.

Drag layers from the palette, or double-click one to add it.</source>
        <translation>在画布上选中一个层，即可查看和编辑它的参数。

从层面板拖出层，或双击某个层把它添加到画布。</translation>
    </message>
    <message numerus="yes">
        <source>%n layer(s) selected ({0} parameters).</source>
        <translation>
            <numerusform>已选中 %n 个层（参数量 {0}）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a single layer to edit its parameters. Delete, Duplicate (Ctrl+D) and Copy act on the whole selection.</source>
        <translation>只选中一个层才能编辑它的参数。删除、创建副本（Ctrl+D）和复制会作用于整个选区。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Inferred from the input</source>
        <translation>由输入推断</translation>
    </message>
    <message>
        <source>Worked out from the shape of the input; not editable.</source>
        <translation>根据输入的形状算出，不可编辑。</translation>
    </message>
    <message>
        <source>Shapes and size</source>
        <translation>形状与规模</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>MACs</source>
        <translation>MACs（乘加次数）</translation>
    </message>
    <message>
        <source>Multiply-accumulate operations per sample</source>
        <translation>每个样本的乘加运算次数</translation>
    </message>
    <message>
        <source>About this layer</source>
        <translation>关于这个层</translation>
    </message>
</context>
<context>
    <name>Layer</name>
    <message>
        <source>A cheap piecewise version of SiLU (MobileNetV3).</source>
        <translation>SiLU 的分段近似，计算量小，常用于移动端网络。</translation>
    </message>
    <message>
        <source>A smooth version of ReLU that is always positive.</source>
        <translation>ReLU 的平滑版本，输出始终为正。</translation>
    </message>
    <message>
        <source>A target size instead of the factor (0: use the factor)</source>
        <translation>用目标尺寸代替倍数（0 表示使用倍数）</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>Adds a border of zeros around an image, p pixels on each side.</source>
        <translation>在图像四周补一圈 0，每边 p 个像素。</translation>
    </message>
    <message>
        <source>Adds a fixed pattern of sines and cosines for each position, so attention can tell order apart; nothing is learned, and it works for any length up to max_len.</source>
        <translation>为每个位置加上一组固定的正弦和余弦值，使注意力能够区分顺序；没有可学习的参数，适用于不超过最大长度的任意序列。</translation>
    </message>
    <message>
        <source>Adds a learned vector for each position so attention can tell order apart.</source>
        <translation>为每个位置加上一个学习得到的向量，让注意力能够区分先后顺序。</translation>
    </message>
    <message>
        <source>Adds an input for a mask (N, L) that is nonzero (True) at padding positions, which no position attends to</source>
        <translation>添加一个掩码输入 (N, L)，在填充位置为非零（True），任何位置都不会关注这些填充位置</translation>
    </message>
    <message>
        <source>Adds inputs h0 (N, num_layers·directions, hidden) for the state to start from; without them it starts from zeros</source>
        <translation>添加初始隐藏状态 h0 的输入端口，形状为 (N, 层数×方向数, hidden)；不添加时从全零状态开始</translation>
    </message>
    <message>
        <source>Adds inputs h0 and c0 (N, num_layers·directions, hidden) for the state to start from; without them it starts from zeros</source>
        <translation>添加初始隐藏状态 h0 和初始细胞状态 c0 的输入端口，形状均为 (N, 层数×方向数, hidden)；不添加时从全零状态开始</translation>
    </message>
    <message>
        <source>Adds outputs h_n (N, num_layers·directions, hidden): the state after the last step, e.g. to start a decoder from</source>
        <translation>添加最终隐藏状态的输出端口，形状为 (N, 层数×方向数, hidden)：最后一个时间步之后的状态，例如用作解码器的初始状态</translation>
    </message>
    <message>
        <source>Adds outputs h_n and c_n (N, num_layers·directions, hidden): the state after the last step, e.g. to start a decoder from</source>
        <translation>添加最终隐藏状态和最终细胞状态的输出端口，形状均为 (N, 层数×方向数, hidden)：最后一个时间步之后的状态，例如用作解码器的初始状态</translation>
    </message>
    <message>
        <source>Adds tensors of the same shape element by element (residual connections).</source>
        <translation>把形状相同的张量逐元素相加（用于残差连接）。</translation>
    </message>
    <message>
        <source>Affine</source>
        <translation>仿射变换</translation>
    </message>
    <message>
        <source>Align corners</source>
        <translation>角点对齐</translation>
    </message>
    <message>
        <source>Alpha</source>
        <translation>α</translation>
    </message>
    <message>
        <source>Attention</source>
        <translation>注意力</translation>
    </message>
    <message>
        <source>Averages a sequence into a fixed length whatever the input length (output size 1 gives global average pooling).</source>
        <translation>无论输入多长，都把序列平均池化成固定长度（输出大小为 1 即全局平均池化）。</translation>
    </message>
    <message>
        <source>Averages each window, shrinking the image.</source>
        <translation>对每个窗口求平均，使图像变小。</translation>
    </message>
    <message>
        <source>Averages each window, shrinking the sequence.</source>
        <translation>对每个窗口取平均，使序列变短。</translation>
    </message>
    <message>
        <source>Averages into a fixed output size whatever the input size (output size 1 gives global average pooling).</source>
        <translation>不管输入多大，都平均成固定的输出大小（输出大小为 1 即全局平均池化）。</translation>
    </message>
    <message>
        <source>Batch first</source>
        <translation>批维度在前</translation>
    </message>
    <message>
        <source>Beta</source>
        <translation>β</translation>
    </message>
    <message>
        <source>Bias</source>
        <translation>偏置</translation>
    </message>
    <message>
        <source>Bidirectional</source>
        <translation>双向</translation>
    </message>
    <message>
        <source>Bilinear only: the corner pixels of input and output line up</source>
        <translation>仅用于 bilinear：让输入和输出的角点像素对齐</translation>
    </message>
    <message>
        <source>Causal</source>
        <translation>因果掩码</translation>
    </message>
    <message>
        <source>Ceil mode</source>
        <translation>向上取整</translation>
    </message>
    <message>
        <source>Chunks</source>
        <translation>块数</translation>
    </message>
    <message>
        <source>Convolution</source>
        <translation>卷积</translation>
    </message>
    <message>
        <source>Cuts the centre of an image to the height and width of the tensor at &apos;like&apos; (U-Net joins a skip connection to a smaller upsampled map).</source>
        <translation>从图像中央裁出与 “like” 端口张量相同的高和宽（U-Net 用它把跳跃连接接到尺寸较小的上采样特征图上）。</translation>
    </message>
    <message>
        <source>D model</source>
        <translation>模型维度（d_model）</translation>
    </message>
    <message>
        <source>Data entering the network. The shape excludes the batch dimension; use a name such as L for a sequence length that may vary.</source>
        <translation>进入网络的数据。形状不包含批维度；长度可变的序列可以用一个名字（如 L）表示它的长度。</translation>
    </message>
    <message>
        <source>Dense</source>
        <translation>全连接</translation>
    </message>
    <message>
        <source>Dilation</source>
        <translation>膨胀</translation>
    </message>
    <message>
        <source>Dim</source>
        <translation>维度</translation>
    </message>
    <message>
        <source>Dim feedforward</source>
        <translation>前馈层维度</translation>
    </message>
    <message>
        <source>Dims</source>
        <translation>维度顺序</translation>
    </message>
    <message>
        <source>Divides a tensor into equal chunks along a dimension, e.g. an encoder&apos;s output into mu and logvar.</source>
        <translation>沿某个维度把张量平均分成几块，例如把编码器的输出分成 mu 和 logvar。</translation>
    </message>
    <message>
        <source>Dropout</source>
        <translation>Dropout（随机失活）</translation>
    </message>
    <message>
        <source>Dropout after adding the encoding</source>
        <translation>加上位置编码之后的 Dropout（随机失活）概率</translation>
    </message>
    <message>
        <source>Dropout between stacked layers</source>
        <translation>堆叠的各层之间的 Dropout（随机失活）</translation>
    </message>
    <message>
        <source>Dtype</source>
        <translation>数据类型</translation>
    </message>
    <message>
        <source>During training, zeroes each element with probability p and scales the rest by 1/(1-p); does nothing in evaluation.</source>
        <translation>训练时以概率 p 把每个元素置为 0，并把其余元素乘以 1/(1-p)；评估时不做任何事。</translation>
    </message>
    <message>
        <source>During training, zeroes whole channels of an image with probability p and scales the rest by 1/(1-p); does nothing in evaluation.</source>
        <translation>训练时以概率 p 将图像的整个通道置零，其余通道乘以 1/(1-p)；评估时不起作用。</translation>
    </message>
    <message>
        <source>Each position attends only to itself and earlier positions (an upper-triangular mask built for the sequence length), as a language model needs</source>
        <translation>每个位置只关注自身和之前的位置（按序列长度构造上三角掩码），语言模型需要这样做</translation>
    </message>
    <message>
        <source>Embed dim</source>
        <translation>嵌入维度</translation>
    </message>
    <message>
        <source>Embedding</source>
        <translation>嵌入</translation>
    </message>
    <message>
        <source>Embedding dim</source>
        <translation>嵌入维度</translation>
    </message>
    <message>
        <source>Enlarges an image or sequence by a whole factor.</source>
        <translation>按整数倍放大图像或序列。</translation>
    </message>
    <message>
        <source>Factor</source>
        <translation>系数</translation>
    </message>
    <message>
        <source>Final state outputs</source>
        <translation>最终状态输出</translation>
    </message>
    <message>
        <source>Fully connected layer: every output is a weighted sum of all inputs plus a bias. Acts on the last dimension.</source>
        <translation>全连接层：每个输出都是所有输入的加权和再加上偏置。作用在最后一个维度上。</translation>
    </message>
    <message>
        <source>Gated recurrent unit: a lighter LSTM with two gates. Outputs the whole sequence (N, L, hidden); ports for the initial and final state can be added.</source>
        <translation>门控循环单元：只有两个门的轻量版 LSTM。输出整个序列 (N, L, hidden)；可以添加初始状态和最终状态的端口。</translation>
    </message>
    <message>
        <source>Interleaves the channels of its groups, so that the next grouped layer mixes channels from every group (ShuffleNet).</source>
        <translation>把各组的通道交错重排，使下一个分组层能混合来自每个组的通道（轻量级卷积网络常用的做法）。</translation>
    </message>
    <message>
        <source>Long short-term memory: gates decide what the cell state keeps, so it remembers over long sequences. Outputs the whole sequence (N, L, hidden); ports for the initial and final state can be added.</source>
        <translation>长短期记忆网络：由门决定细胞状态保留哪些信息，因此能在长序列中保持记忆。输出整个序列 (N, L, hidden)；可以添加初始状态和最终状态的端口。</translation>
    </message>
    <message>
        <source>Per channel</source>
        <translation>按通道</translation>
    </message>
    <message>
        <source>Plain recurrent layer: a hidden state carried from step to step. Outputs the whole sequence (N, L, hidden); ports for the initial and final state can be added.</source>
        <translation>基本循环层：隐藏状态从一个时间步传到下一个时间步。输出整个序列 (N, L, hidden)；可以添加初始状态和最终状态的端口。</translation>
    </message>
    <message>
        <source>y[i] = max over the k window at i·s</source>
        <translation>y[i] = 从 i·s 开始、长度为 k 的窗口内的最大值</translation>
    </message>
    <message>
        <source>y[i] = mean over the k window at i·s</source>
        <translation>y[i] = 从 i·s 开始、长度为 k 的窗口内的平均值</translation>
    </message>
    <message>
        <source>Generative</source>
        <translation>生成</translation>
    </message>
    <message>
        <source>A cheap piecewise version of Sigmoid, flat at 0 and 1 (MobileNetV3).</source>
        <translation>Sigmoid 的分段近似，两端分别平直地停在 0 和 1，计算量小（MobileNet 系列使用它）。</translation>
    </message>
    <message>
        <source>Adds a border around an image that mirrors the pixels inside it, so edges look natural (style transfer networks pad this way).</source>
        <translation>在图像四周加一圈边框，其内容是内部像素的镜像，使边缘看起来自然（风格迁移网络就这样填充）。</translation>
    </message>
    <message>
        <source>Adds a border around an image that repeats the edge pixels outward.</source>
        <translation>在图像四周加一圈边框，把边缘像素向外重复。</translation>
    </message>
    <message>
        <source>Adds a border of one constant value around an image, p pixels on each side.</source>
        <translation>在图像四周补一圈同一个常数，每边 p 个像素。</translation>
    </message>
    <message>
        <source>Adds an input h (N, hidden) for the previous state; without it it starts from zeros</source>
        <translation>添加输入 h (N, hidden)，作为上一步的隐藏状态；没有它时从零开始</translation>
    </message>
    <message>
        <source>Adds inputs h and c (N, hidden) for the previous state; without them it starts from zeros</source>
        <translation>添加输入 h 和 c (N, hidden)，作为上一步的状态；没有它们时从零开始</translation>
    </message>
    <message>
        <source>Averages each window, shrinking the volume.</source>
        <translation>对每个窗口求平均，使体数据变小。</translation>
    </message>
    <message>
        <source>Clips values to a range, −1 to 1 unless set: a cheap, piecewise-linear Tanh.</source>
        <translation>把数值截断到一个区间内（默认 −1 到 1）：一种计算量小的分段线性 Tanh。</translation>
    </message>
    <message>
        <source>Combines two inputs multiplicatively: every output is a learned weighted sum of all products of a feature of the first with one of the second.</source>
        <translation>以相乘的方式组合两个输入：每个输出都是第一个输入的某个特征与第二个输入的某个特征两两相乘后，所有乘积的加权和（权重通过学习得到）。</translation>
    </message>
    <message>
        <source>Each target position attends only to itself and earlier target positions, as a decoder that generates one step at a time needs</source>
        <translation>每个目标位置只关注自身和之前的目标位置，逐步生成的解码器需要这样做</translation>
    </message>
    <message>
        <source>Gives each sample a new shape with the same number of values (batch dimension kept; -1 means &apos;the rest&apos;).</source>
        <translation>给每个样本换一个新形状，元素个数不变（批维度保留；-1 表示“其余的全部”）。</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>分组数</translation>
    </message>
    <message>
        <source>Hidden size</source>
        <translation>隐藏层大小</translation>
    </message>
    <message>
        <source>Highest output value</source>
        <translation>输出的最大值</translation>
    </message>
    <message>
        <source>How alike two tensors are along one dimension: the cosine of the angle between them, from −1 (opposite) to 1 (same direction). That dimension disappears.</source>
        <translation>沿某一维度衡量两个张量有多相似：即它们夹角的余弦，从 −1（方向相反）到 1（方向相同）。该维度在输出中消失。</translation>
    </message>
    <message>
        <source>How the vectors of one sequence are pooled</source>
        <translation>如何把一个序列中的各个向量汇聚成一个</translation>
    </message>
    <message>
        <source>How the weights start: PyTorch&apos;s default, or an nn.init scheme; any other choice than the default also sets the biases to zero</source>
        <translation>权重的初始值：PyTorch 默认方式，或某种常用的初始化方法；选择默认以外的方法时，偏置也会设为零</translation>
    </message>
    <message>
        <source>In channels</source>
        <translation>输入通道数</translation>
    </message>
    <message>
        <source>In features</source>
        <translation>输入特征数</translation>
    </message>
    <message>
        <source>In1 features</source>
        <translation>输入 1 特征数</translation>
    </message>
    <message>
        <source>In2 features</source>
        <translation>输入 2 特征数</translation>
    </message>
    <message>
        <source>Initial state inputs</source>
        <translation>初始状态输入</translation>
    </message>
    <message>
        <source>Input size</source>
        <translation>输入大小</translation>
    </message>
    <message>
        <source>Input/Output</source>
        <translation>输入/输出</translation>
    </message>
    <message>
        <source>Inputs</source>
        <translation>输入个数</translation>
    </message>
    <message>
        <source>Inserts a dimension of size 1, e.g. (N, 28, 28) → (N, 1, 28, 28) with dim 1, to give an image its channel.</source>
        <translation>插入一个大小为 1 的维度，例如 dim 为 1 时 (N, 28, 28) → (N, 1, 28, 28)，给图像加上通道维度。</translation>
    </message>
    <message>
        <source>Joins all dimensions from start dim on into one, e.g. (N, 64, 3, 3) → (N, 576).</source>
        <translation>把从起始维度开始的所有维度合并成一个，例如 (N, 64, 3, 3) → (N, 576)。</translation>
    </message>
    <message>
        <source>Joins tensors along one dimension (e.g. channels, dim 1).</source>
        <translation>沿一个维度把张量拼接起来（例如沿通道，即 dim 1）。</translation>
    </message>
    <message>
        <source>Kaiming normal (for ReLU)</source>
        <translation>Kaiming 正态（ReLU）</translation>
    </message>
    <message>
        <source>Kaiming uniform (for ReLU)</source>
        <translation>Kaiming 均匀（ReLU）</translation>
    </message>
    <message>
        <source>Keeps the largest value in each window, shrinking the image.</source>
        <translation>在每个窗口中只保留最大值，使图像变小。</translation>
    </message>
    <message>
        <source>Keeps the largest value in each window, shrinking the sequence.</source>
        <translation>保留每个窗口中的最大值，使序列变短。</translation>
    </message>
    <message>
        <source>Keeps the largest value in each window, shrinking the volume.</source>
        <translation>在每个窗口中只保留最大值，使体数据变小。</translation>
    </message>
    <message>
        <source>Keeps the largest value of each region, for a fixed output size whatever the input size (output size 1 gives global max pooling).</source>
        <translation>不管输入多大，都把每个区域只保留最大值，得到固定的输出大小（输出大小为 1 即全局最大池化）。</translation>
    </message>
    <message>
        <source>Keeps the largest value of each stretch of a sequence, for a fixed length whatever the input length (output size 1 gives global max pooling).</source>
        <translation>不管输入序列多长，都把每一段只保留最大值，得到固定的长度（输出大小为 1 即全局最大池化）。</translation>
    </message>
    <message>
        <source>Keeps the last element of a sequence: (N, L, F) → (N, F), e.g. to classify from an LSTM&apos;s final output.</source>
        <translation>只保留序列的最后一个元素：(N, L, F) → (N, F)，例如用 LSTM 的最终输出做分类。</translation>
    </message>
    <message>
        <source>Kernel size</source>
        <translation>卷积核大小</translation>
    </message>
    <message>
        <source>Key padding mask input</source>
        <translation>键填充掩码输入</translation>
    </message>
    <message>
        <source>Learn a scale γ and shift β per channel</source>
        <translation>为每个通道学习缩放系数 γ 和平移量 β</translation>
    </message>
    <message>
        <source>Learn one slope per channel (dimension 1) instead of one in all</source>
        <translation>为每个通道（第 1 维）各学习一个斜率，而不是全体共用一个</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>左侧偏移</translation>
    </message>
    <message>
        <source>Like LeakyReLU, but the slope for negative values is learned (one for all, or one per channel).</source>
        <translation>与 LeakyReLU 类似，但负值部分的斜率是学习得到的（全体共用一个，或每个通道一个）。</translation>
    </message>
    <message>
        <source>Like ReLU but lets a small slope through for negative values.</source>
        <translation>与 ReLU 类似，但负值部分保留一个小斜率。</translation>
    </message>
    <message>
        <source>Log of softmax; pair it with the NLL loss.</source>
        <translation>softmax 取对数；与 NLL 损失搭配使用。</translation>
    </message>
    <message>
        <source>Longest sequence supported</source>
        <translation>支持的最长序列长度</translation>
    </message>
    <message>
        <source>Looks up a learned vector for each integer token id: (N, L) → (N, L, E). Feed it from an Input of dtype long.</source>
        <translation>为每个整数词元 id 查出一个学习得到的向量：(N, L) → (N, L, E)。它的输入应来自数据类型为 long 的 Input。</translation>
    </message>
    <message>
        <source>Looks up a learned vector for each token id and pools each sequence into one vector (mean, sum or max): (N, L) → (N, E). A fast start for text classification; word order is lost.</source>
        <translation>为每个词元 id 查出一个学习得到的向量，并把每个序列汇聚成一个向量（平均、求和或取最大）：(N, L) → (N, E)。适合快速搭建文本分类模型，但会丢失词序。</translation>
    </message>
    <message>
        <source>Lowest output value</source>
        <translation>输出的最小值</translation>
    </message>
    <message>
        <source>Marks a tensor the network returns. A network may have several outputs.</source>
        <translation>标记网络要返回的张量。一个网络可以有多个输出。</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>最大值</translation>
    </message>
    <message>
        <source>Max len</source>
        <translation>最大长度</translation>
    </message>
    <message>
        <source>Max val</source>
        <translation>最大值</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>平均</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <source>Min val</source>
        <translation>最小值</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>模式</translation>
    </message>
    <message>
        <source>Multiplies every value by a constant, e.g. 1/√d before attention or 0.1 on a residual branch.</source>
        <translation>把每个值乘以一个常数，例如在注意力之前乘以 1/√d，或在残差分支上乘以 0.1。</translation>
    </message>
    <message>
        <source>Multiplies tensors of the same shape element by element (gating).</source>
        <translation>把形状相同的张量逐元素相乘（用于门控）。</translation>
    </message>
    <message>
        <source>Negative slope</source>
        <translation>负半轴斜率</translation>
    </message>
    <message>
        <source>New order of dimensions 1, 2, …</source>
        <translation>维度 1, 2, … 的新顺序</translation>
    </message>
    <message>
        <source>New sample shape, e.g. 64, 7, 7</source>
        <translation>新的样本形状，例如 64, 7, 7</translation>
    </message>
    <message>
        <source>Nhead</source>
        <translation>头数</translation>
    </message>
    <message>
        <source>Nonlinearity</source>
        <translation>非线性函数</translation>
    </message>
    <message>
        <source>Norm first</source>
        <translation>先做归一化</translation>
    </message>
    <message>
        <source>Normal (std 0.01)</source>
        <translation>正态（标准差 0.01）</translation>
    </message>
    <message>
        <source>Normalises each channel of a volume or video clip over the batch and positions.</source>
        <translation>对体数据或视频片段的每个通道，在整个批次和所有位置上做归一化。</translation>
    </message>
    <message>
        <source>Normalises each channel of an image over the batch and positions.</source>
        <translation>对图像的每个通道，在整个批次和所有位置上做归一化。</translation>
    </message>
    <message>
        <source>Normalises each channel of each image on its own (style transfer, GAN generators).</source>
        <translation>对每张图像的每个通道单独做归一化（用于风格迁移、生成对抗网络的生成器）。</translation>
    </message>
    <message>
        <source>Normalises each feature over the batch, then scales and shifts it.</source>
        <translation>对每个特征在整个批次上做归一化，再进行缩放和平移。</translation>
    </message>
    <message>
        <source>Normalises each sample over groups of channels, independent of the batch size; one group is like LayerNorm over (C, H, W).</source>
        <translation>在每个样本内按通道分组做归一化，与批大小无关；只分一组时相当于在 (C, H, W) 上做层归一化。</translation>
    </message>
    <message>
        <source>Normalises each sample over its last dimension (as Transformers do).</source>
        <translation>对每个样本在最后一个维度上做归一化（Transformer 就是这样做的）。</translation>
    </message>
    <message>
        <source>Normalization</source>
        <translation>归一化</translation>
    </message>
    <message>
        <source>Normalized shape</source>
        <translation>归一化形状</translation>
    </message>
    <message>
        <source>Num channels</source>
        <translation>通道数</translation>
    </message>
    <message>
        <source>Num embeddings</source>
        <translation>嵌入个数</translation>
    </message>
    <message>
        <source>Num features</source>
        <translation>特征数</translation>
    </message>
    <message>
        <source>Num groups</source>
        <translation>组数</translation>
    </message>
    <message>
        <source>Num heads</source>
        <translation>头数</translation>
    </message>
    <message>
        <source>Num layers</source>
        <translation>层数</translation>
    </message>
    <message>
        <source>Num parameters</source>
        <translation>参数个数</translation>
    </message>
    <message>
        <source>Number of channel groups; must divide the channels</source>
        <translation>通道分组的数量；必须能整除通道数</translation>
    </message>
    <message>
        <source>Number of filters (output channels)</source>
        <translation>卷积核的个数（即输出通道数）</translation>
    </message>
    <message>
        <source>Number of groups; must divide the channels</source>
        <translation>组数；必须能整除通道数</translation>
    </message>
    <message>
        <source>Number of input ports</source>
        <translation>输入端口的个数</translation>
    </message>
    <message>
        <source>Number of output units</source>
        <translation>输出单元的个数</translation>
    </message>
    <message>
        <source>Off runs the layer time-major inside (L, N, E); the graph&apos;s tensors stay batch-first</source>
        <translation>关闭时该层内部按时间优先 (L, N, E) 计算；图中的张量仍然是批维度在前</translation>
    </message>
    <message>
        <source>Off runs the layer time-major inside; the graph&apos;s tensors stay batch-first</source>
        <translation>关闭时该层内部按时间维在前的方式运行；图中的张量仍然是批维度在前</translation>
    </message>
    <message>
        <source>One Transformer decoder block: self-attention over the target sequence, attention from the target to the encoder&apos;s output (the memory), then a feed-forward network, each with a residual connection and layer norm.</source>
        <translation>一个 Transformer 解码器模块：先对目标序列做自注意力，再让目标关注编码器的输出（记忆），最后是前馈网络，三者都带有残差连接和层归一化。</translation>
    </message>
    <message>
        <source>One Transformer encoder block: self-attention then a feed-forward network, each with a residual connection and layer norm.</source>
        <translation>一个 Transformer 编码器模块：先是自注意力，再是前馈网络，两者都带有残差连接和层归一化。</translation>
    </message>
    <message>
        <source>One step of a gated recurrent unit: the next hidden state from an input and the previous state. Takes (N, input_size), gives h′ (N, hidden_size).</source>
        <translation>门控循环单元的一步：由输入和上一步的状态算出下一个隐藏状态。输入 (N, 输入大小)，输出 h′ (N, 隐藏层大小)。</translation>
    </message>
    <message>
        <source>One step of a plain recurrent layer: the next hidden state from an input and the previous state. Takes (N, input_size), gives h′ (N, hidden_size).</source>
        <translation>普通循环层的一步：由输入和上一步的状态算出下一个隐藏状态。输入 (N, 输入大小)，输出 h′ (N, 隐藏层大小)。</translation>
    </message>
    <message>
        <source>One step of an LSTM: the next hidden state and cell state from an input and the previous pair; the cell state comes out on port c. Takes (N, input_size), gives h′ (N, hidden_size).</source>
        <translation>LSTM 的一步：由输入和上一步的状态对算出下一个隐藏状态和细胞状态；细胞状态从端口 c 输出。输入 (N, 输入大小)，输出 h′ (N, 隐藏层大小)。</translation>
    </message>
    <message>
        <source>Orthogonal</source>
        <translation>正交</translation>
    </message>
    <message>
        <source>Out channels</source>
        <translation>输出通道数</translation>
    </message>
    <message>
        <source>Out features</source>
        <translation>输出特征数</translation>
    </message>
    <message>
        <source>Output padding</source>
        <translation>输出填充</translation>
    </message>
    <message>
        <source>Output size</source>
        <translation>输出大小</translation>
    </message>
    <message>
        <source>P</source>
        <translation>p（置零概率）</translation>
    </message>
    <message>
        <source>Padding</source>
        <translation>填充</translation>
    </message>
    <message>
        <source>Passes its input on unchanged: a named point to branch a skip connection from, or a placeholder where a layer may go later.</source>
        <translation>把输入原样传出：可作为引出跳跃连接的具名节点，或作为以后再放入某个层的占位。</translation>
    </message>
    <message>
        <source>Passes positive values, zeroes negative ones.</source>
        <translation>正值原样通过，负值变为 0。</translation>
    </message>
    <message>
        <source>Pixels added on each side</source>
        <translation>每边添加的像素数</translation>
    </message>
    <message>
        <source>Pooling</source>
        <translation>池化</translation>
    </message>
    <message>
        <source>Power p</source>
        <translation>幂次 p</translation>
    </message>
    <message>
        <source>Probability of zeroing a channel</source>
        <translation>将一个通道置零的概率</translation>
    </message>
    <message>
        <source>Probability of zeroing an element</source>
        <translation>把一个元素置为 0 的概率</translation>
    </message>
    <message>
        <source>PyTorch default</source>
        <translation>PyTorch 默认</translation>
    </message>
    <message>
        <source>ReLU capped at 6, so values stay small enough for low-precision hardware (MobileNetV2).</source>
        <translation>上限为 6 的 ReLU，数值始终不大，适合低精度硬件（MobileNet 系列使用它）。</translation>
    </message>
    <message>
        <source>Recurrent</source>
        <translation>循环</translation>
    </message>
    <message>
        <source>Removes a dimension of size 1, e.g. (N, 1, 28) → (N, 28) with dim 1 (a dimension of another size is kept, as in PyTorch).</source>
        <translation>去掉一个大小为 1 的维度，例如 dim 为 1 时 (N, 1, 28) → (N, 28)（与 PyTorch 一样，大小不为 1 的维度会保留）。</translation>
    </message>
    <message>
        <source>Reorders the sample dimensions (the batch stays first), e.g. 2, 1 turns (N, C, L) into (N, L, C).</source>
        <translation>重新排列样本的各个维度（批维度始终在最前），例如 2, 1 把 (N, C, L) 变成 (N, L, C)。</translation>
    </message>
    <message>
        <source>Repeats one vector at every time step of the sequence at &apos;like&apos;: (N, F) → (N, L, F), e.g. an encoder&apos;s final state as the context of each decoder step (the inverse of LastTimeStep).</source>
        <translation>把一个向量重复到 “like” 端口序列的每个时间步上：(N, F) → (N, L, F)，例如把编码器的最终隐藏状态作为解码器每一步的上下文（LastTimeStep 的逆操作）。</translation>
    </message>
    <message>
        <source>Round the output size up, so the last partial window counts</source>
        <translation>输出大小向上取整，最后一个不完整的窗口也会计算</translation>
    </message>
    <message>
        <source>Sample shape without the batch dimension, e.g. 1, 28, 28</source>
        <translation>不含批维度的样本形状，例如 1, 28, 28</translation>
    </message>
    <message>
        <source>Samples z from N(mu, σ²) in a way gradients flow through (the VAE trick).</source>
        <translation>以梯度能够穿过的方式从 N(mu, σ²) 中采样 z（变分自编码器的重参数化技巧）。</translation>
    </message>
    <message>
        <source>Scale factor</source>
        <translation>缩放倍数</translation>
    </message>
    <message>
        <source>Self-attention: every position looks at every other and mixes in what is relevant, with several heads in parallel.</source>
        <translation>自注意力：每个位置都查看所有其他位置，把相关的信息融合进来；多个头并行计算。</translation>
    </message>
    <message>
        <source>Shape</source>
        <translation>形状</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>目标大小</translation>
    </message>
    <message>
        <source>Slides learned filters over images (N, C, H, W); each filter gives one output channel.</source>
        <translation>让学习得到的卷积核在图像 (N, C, H, W) 上滑动；每个卷积核产生一个输出通道。</translation>
    </message>
    <message>
        <source>Slides learned filters over sequences (N, C, L); each filter gives one output channel.</source>
        <translation>让学习得到的卷积核在序列 (N, C, L) 上滑动；每个卷积核产生一个输出通道。</translation>
    </message>
    <message>
        <source>Slides learned filters over volumes or video clips (N, C, D, H, W); each filter gives one output channel.</source>
        <translation>让学习得到的卷积核在体数据或视频片段 (N, C, D, H, W) 上滑动；每个卷积核产生一个输出通道。</translation>
    </message>
    <message>
        <source>Smooth ReLU used by Transformers.</source>
        <translation>Transformer 中常用的平滑版 ReLU。</translation>
    </message>
    <message>
        <source>Smooth ReLU-like curve that dips slightly below zero for negative values (YOLOv4).</source>
        <translation>类似 ReLU 的平滑曲线，负值处略低于 0（一些目标检测网络使用它）。</translation>
    </message>
    <message>
        <source>Smooth ReLU-like curve x·σ(x), also called swish (EfficientNet, LLaMA).</source>
        <translation>类似 ReLU 的平滑曲线 x·σ(x)，即输入乘以它的 Sigmoid 值；许多新模型都使用它。</translation>
    </message>
    <message>
        <source>Smooth for negative values, tending to −α.</source>
        <translation>负值部分是平滑曲线，趋近于 −α。</translation>
    </message>
    <message>
        <source>Squashes values into (0, 1).</source>
        <translation>把数值压缩到 (0, 1) 区间。</translation>
    </message>
    <message>
        <source>Squashes values into (−1, 1).</source>
        <translation>把数值压缩到 (−1, 1) 区间。</translation>
    </message>
    <message>
        <source>Start dim</source>
        <translation>起始维度</translation>
    </message>
    <message>
        <source>State inputs</source>
        <translation>状态输入</translation>
    </message>
    <message>
        <source>Stride</source>
        <translation>步幅</translation>
    </message>
    <message>
        <source>Sum</source>
        <translation>求和</translation>
    </message>
    <message>
        <source>Takes the p-norm of each window: p = 1 sums the magnitudes, p = 2 is the root of the sum of squares, and a large p comes close to max pooling.</source>
        <translation>对每个窗口取 p 范数：p = 1 是绝对值之和，p = 2 是平方和的平方根，p 越大越接近最大池化。</translation>
    </message>
    <message>
        <source>The value the border is filled with</source>
        <translation>边框填入的数值</translation>
    </message>
    <message>
        <source>Top</source>
        <translation>上方偏移</translation>
    </message>
    <message>
        <source>Transposed convolution over sequences: grows a sequence, e.g. stride 2 doubles L. Used to upsample audio and signals in decoders.</source>
        <translation>序列上的转置卷积：把序列变长，例如步幅为 2 时 L 翻倍。在解码器中用于对音频和信号做上采样。</translation>
    </message>
    <message>
        <source>Transposed convolution: grows an image, e.g. stride 2 doubles H and W. Used in decoders and generators.</source>
        <translation>转置卷积：把图像放大，例如步幅为 2 时 H 和 W 都翻倍。用于解码器和生成器。</translation>
    </message>
    <message>
        <source>Turns channels into resolution: (N, C·r², H, W) → (N, C, H·r, W·r) (sub-pixel upsampling, as in super-resolution networks).</source>
        <translation>把通道转换为分辨率：(N, C·r², H, W) → (N, C, H·r, W·r)（亚像素上采样，用于超分辨率网络）。</translation>
    </message>
    <message>
        <source>Turns scores into probabilities that sum to 1 along a dimension.</source>
        <translation>把得分转换成沿某个维度之和为 1 的概率。</translation>
    </message>
    <message>
        <source>Uniform (−0.05 to 0.05)</source>
        <translation>均匀（−0.05 到 0.05）</translation>
    </message>
    <message>
        <source>Upscale factor</source>
        <translation>放大倍数</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Vocabulary size (largest token id + 1)</source>
        <translation>词表大小（最大词元 id + 1）</translation>
    </message>
    <message>
        <source>Weight init</source>
        <translation>权重初始化</translation>
    </message>
    <message>
        <source>Xavier normal</source>
        <translation>Xavier 正态</translation>
    </message>
    <message>
        <source>Xavier uniform</source>
        <translation>Xavier 均匀</translation>
    </message>
    <message>
        <source>Zeros</source>
        <translation>全零</translation>
    </message>
    <message>
        <source>Zeros added on each side; &apos;same&apos; keeps the size (stride 1)</source>
        <translation>每边补 0 的个数；“same” 保持尺寸不变（需步幅为 1）</translation>
    </message>
    <message>
        <source>float for images and features, long for integer token ids</source>
        <translation>图像和特征用 float，整数词元 id 用 long</translation>
    </message>
    <message>
        <source>the (g, C/g) grid of channels is read column by column</source>
        <translation>把通道排成 (g, C/g) 的网格，再逐列读出</translation>
    </message>
    <message>
        <source>x padded by p on each side: a b c → a a | a b c | c c</source>
        <translation>x 每边填充 p 个：a b c → a a | a b c | c c</translation>
    </message>
    <message>
        <source>x padded by p on each side: a b c → c b | a b c | b a</source>
        <translation>x 每边填充 p 个：a b c → c b | a b c | b a</translation>
    </message>
    <message>
        <source>y[i, j, l] = max over the k×k×k window at (i·s, j·s, l·s)</source>
        <translation>y[i, j, l] = 以 (i·s, j·s, l·s) 为起点的 k×k×k 窗口内的最大值</translation>
    </message>
    <message>
        <source>y[i, j, l] = mean over the k×k×k window at (i·s, j·s, l·s)</source>
        <translation>y[i, j, l] = 以 (i·s, j·s, l·s) 为起点的 k×k×k 窗口内的平均值</translation>
    </message>
    <message>
        <source>y[i, j] = (sum over the k×k window of xᵖ)^(1/p)</source>
        <translation>y[i, j] = (k×k 窗口内 xᵖ 之和)^(1/p)</translation>
    </message>
    <message>
        <source>y[i, j] = max over the k×k window at (i·s, j·s)</source>
        <translation>y[i, j] = 以 (i·s, j·s) 为起点的 k×k 窗口内的最大值</translation>
    </message>
    <message>
        <source>y[i, j] = mean over the k×k window at (i·s, j·s)</source>
        <translation>y[i, j] = 以 (i·s, j·s) 为起点的 k×k 窗口内的平均值</translation>
    </message>
    <message>
        <source>y[n] = mean (or sum, max) of W[x[n, t]] over the positions t</source>
        <translation>y[n] = 所有位置 t 上 W[x[n, t]] 的平均值（或和、最大值）</translation>
    </message>
</context>
<context>
    <name>LayerPalette</name>
    <message>
        <source>Search layers…</source>
        <translation>搜索层…</translation>
    </message>
    <message>
        <source>A block of this project: drag it onto the canvas to use it; double-click a use to edit its definition.</source>
        <translation>本项目中的模块：把它拖到画布上即可使用；双击某处使用可编辑它的定义。</translation>
    </message>
    <message>
        <source>Blocks</source>
        <translation>模块</translation>
    </message>
    <message>
        <source>Block library</source>
        <translation>模块库</translation>
    </message>
</context>
<context>
    <name>LayerPreviewItem</name>
    <message>
        <source>{shape}  min {minimum}  mean {mean}  max {maximum}</source>
        <translation>{shape}  最小 {minimum}  平均 {mean}  最大 {maximum}</translation>
    </message>
    <message>
        <source>(shrunk to fit: the first channels, binned)</source>
        <translation>（已缩小以便显示：只取前几个通道，并做了分箱合并）</translation>
    </message>
</context>
<context>
    <name>LayerReference</name>
    <message>
        <source>range {0}…{1}</source>
        <translation>范围 {0}…{1}</translation>
    </message>
    <message>
        <source>Inferred from the input:</source>
        <translation>由输入推断：</translation>
    </message>
    <message>
        <source>No layer matches the search.</source>
        <translation>没有与搜索匹配的层。</translation>
    </message>
</context>
<context>
    <name>LayerReferenceDialog</name>
    <message>
        <source>Layer reference</source>
        <translation>层参考</translation>
    </message>
    <message>
        <source>Search layers…</source>
        <translation>搜索层…</translation>
    </message>
</context>
<context>
    <name>NetworkView</name>
    <message>
        <source>cannot add {0}: there is no such layer type</source>
        <translation>无法添加 {0}：没有这种层类型</translation>
    </message>
</context>
<context>
    <name>NodeCard</name>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>input {0}</source>
        <translation>输入端口 {0}</translation>
    </message>
    <message>
        <source>output {0}</source>
        <translation>输出端口 {0}</translation>
    </message>
    <message>
        <source>not connected — drag from here to an output</source>
        <translation>未连接——从这里拖到一个输出端口</translation>
    </message>
    <message>
        <source>shape not known yet</source>
        <translation>形状暂时未知</translation>
    </message>
    <message>
        <source>shape error</source>
        <translation>形状错误</translation>
    </message>
    <message>
        <source>shape unknown</source>
        <translation>形状未知</translation>
    </message>
</context>
<context>
    <name>PointPadBox</name>
    <message>
        <source>Place a point</source>
        <translation>放置一个点</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Click to place a point; drag it to move it.</source>
        <translation>单击放置一个点；拖动可移动它。</translation>
    </message>
    <message>
        <source>Click the plot to see what the network predicts there.</source>
        <translation>单击图中任意位置，查看网络在该处的预测。</translation>
    </message>
    <message>
        <source>At ({x}, {y}): waiting for the network…</source>
        <translation>在 ({x}, {y})：正在等待网络计算……</translation>
    </message>
    <message>
        <source>At ({x}, {y}) the network predicts:</source>
        <translation>在 ({x}, {y})，网络的预测为：</translation>
    </message>
    <message>
        <source>At ({x}, {y}), read off the grid while it trains:</source>
        <translation>在 ({x}, {y})（训练期间从网格中读取）：</translation>
    </message>
    <message>
        <source>Loading the network&apos;s decision regions… (PyTorch loads once per session)</source>
        <translation>正在加载网络的决策区域……（PyTorch 每次会话只加载一次）</translation>
    </message>
    <message>
        <source>Untrained weights: the regions are the freshly initialised network&apos;s guesses. Train it and watch them change.</source>
        <translation>未训练的权重：这些区域是刚初始化的网络的猜测。开始训练，观察它们如何变化。</translation>
    </message>
    <message>
        <source>Training: the regions follow the current weights.</source>
        <translation>训练中：区域随当前权重实时更新。</translation>
    </message>
    <message>
        <source>The regions of the trained network.</source>
        <translation>训练后网络的决策区域。</translation>
    </message>
    <message>
        <source>Each colour is a class; paler where the network is unsure.</source>
        <translation>每种颜色代表一个类别；颜色越浅，表示网络越不确定。</translation>
    </message>
</context>
<context>
    <name>ProblemsList</name>
    <message>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>No problems: every shape fits.</source>
        <translation>没有问题：所有形状都匹配。</translation>
    </message>
</context>
<context>
    <name>QuickAddPopup</name>
    <message>
        <source>Add layer… type to filter</source>
        <translation>添加层…输入文字筛选</translation>
    </message>
</context>
<context>
    <name>SummaryTable</name>
    <message>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Output shape</source>
        <translation>输出形状</translation>
    </message>
    <message>
        <source>Params</source>
        <translation>参数量</translation>
    </message>
    <message>
        <source>MACs</source>
        <translation>乘加运算</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message numerus="yes">
        <source>%n layer(s)</source>
        <translation>
            <numerusform>%n 个层</numerusform>
        </translation>
    </message>
    <message>
        <source>{0} trainable parameters</source>
        <translation>{0} 个可训练参数</translation>
    </message>
    <message>
        <source>{0} multiply-accumulates per sample</source>
        <translation>每个样本 {0} 次乘加运算</translation>
    </message>
</context>
</TS>
